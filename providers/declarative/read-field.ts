/**
 * A value from a parsed answer or receipt, as text: a flat key first (form and query keys may
 * hold dots), then a dotted path into nested JSON (`messages.0.id`).
 */
export function readField(data: unknown, path: string): string | undefined {
  if (isRecord(data) && path in data) return asText(data[path]);

  let node: unknown = data;
  for (const key of path.split('.')) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return asText(node);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
