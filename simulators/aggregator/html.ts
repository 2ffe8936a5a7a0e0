/** Markup that is already safe to place in a page as it is. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** Markup written by the simulator itself (its style, its script): never a handset's text. */
export function raw(markup: string): Html {
  return new Html(markup);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for an element's content or a quoted attribute value. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * A template for HTML in which every interpolated value is escaped, unless it is `Html`
 * already; arrays are joined. Texts from handsets can then never become markup. (Not named
 * `html`, which Prettier would reformat as a page of its own.)
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += fragment(value) + (strings[index + 1] ?? '');
  });
  return new Html(markup);
}

function fragment(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(fragment).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}
