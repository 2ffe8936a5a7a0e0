import type { RouteResponse } from './router.ts';

/** The `malformed-json` profile's answer to a send: half of the real body, labelled as JSON. */
export function truncatedJson(status: number, json: object): RouteResponse {
  const text = JSON.stringify(json);
  return {
    status,
    text: text.slice(0, Math.floor(text.length / 2)),
    contentType: 'application/json',
  };
}
