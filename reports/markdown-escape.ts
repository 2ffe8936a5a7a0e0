/**
 * Escapes text for one line of Markdown: a table cell or a list item. Provider-supplied text must
 * not open links, raw HTML, emphasis or new table columns on a CI job page.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[^\P{Cc}\t\n\r]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}
