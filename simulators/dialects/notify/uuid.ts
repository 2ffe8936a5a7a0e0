const HEX_32 = /^[0-9a-f]{32}$/;

/**
 * Reads a UUID the way Python's `uuid.UUID(str)` does, which is what Notify validates with:
 * optional `urn:uuid:` prefix, braces and hyphens are ignored. Returns the canonical lowercase
 * form, or undefined when the value is not a UUID.
 */
export function parseUuid(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;

  const hex = value
    .replace('urn:', '')
    .replace('uuid:', '')
    .replace(/^\{+|\}+$/g, '')
    .replaceAll('-', '')
    .toLowerCase();
  if (!HEX_32.test(hex)) return undefined;

  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
