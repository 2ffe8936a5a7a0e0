import type { IncomingCallback } from '../contract.ts';

/**
 * A Vonage webhook's parameters, whichever of its three formats the account chose: GET with a
 * query string, POST form, or POST JSON. `undefined` when the body cannot be read at all.
 */
export function callbackParams(callback: IncomingCallback): Record<string, string> | undefined {
  const query = new URL(callback.path, 'http://receiver').searchParams;
  if (callback.method === 'GET') return Object.fromEntries(query);

  const type = callback.headers['content-type'] ?? '';
  if (type.includes('application/json')) return jsonParams(callback.body);
  return Object.fromEntries(new URLSearchParams(callback.body));
}

function jsonParams(body: string): Record<string, string> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;

  // Signing covers the values as text; JSON numbers and booleans are signed as they print.
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) {
    if (value !== null && typeof value !== 'object') params[name] = String(value);
  }
  return params;
}
