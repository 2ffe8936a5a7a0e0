import type { RouteRequest } from './router.ts';

/** A control request's JSON body; undefined when it is not JSON, for the schema to refuse. */
export function jsonBody(request: RouteRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
}
