import { badRequest } from './errors.ts';

const PLACEHOLDER = /\(\(([^()]+)\)\)/g;

/**
 * Fills a template's `((placeholders))` from personalisation as Notify does: keys match without
 * regard to case, spaces, hyphens or underscores; a missing value is a 400 naming every gap.
 */
export function fillTemplate(content: string, personalisation: Record<string, unknown>): string {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(personalisation)) values.set(lookupKey(key), value);

  const missing: string[] = [];
  const body = content.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values.get(lookupKey(name));
    if (value === undefined || value === null) {
      if (!missing.includes(name)) missing.push(name);
      return '';
    }
    return asText(value);
  });

  if (missing.length > 0) throw badRequest(`Missing personalisation: ${missing.join(', ')}`);

  const trimmed = body.trim();
  if (trimmed === '') throw badRequest('Your message is empty.');
  return trimmed;
}

function lookupKey(key: string): string {
  return key.replace(/[\s_-]/g, '').toLowerCase();
}

/** Python's str() for JSON values; lists read as prose, as Notify renders them in texts. */
function asText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return prose(value.map(asText));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function prose(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
