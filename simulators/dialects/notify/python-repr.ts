/**
 * A JSON value as Notify's error messages show it: Python's `repr`, with the quotes removed
 * (Notify strips every `'` from jsonschema messages). `{"a": [1, "x"]}` reads `{a: [1, x]}`.
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value.replaceAll("'", '');
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** A Python list of strings as it reads in those messages: `[sms, email, letter]`. */
export function pythonList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}
