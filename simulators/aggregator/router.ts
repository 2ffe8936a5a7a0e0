import type { IncomingHttpHeaders } from 'node:http';

export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly remoteAddress: string | undefined;
  /** Whether it came over TLS. @default false */
  readonly encrypted?: boolean;
}

/** A JSON reply, or raw text for replies that must not be valid JSON. */
export type RouteResponse =
  | { readonly status: number; readonly json?: unknown }
  | { readonly status: number; readonly text: string; readonly contentType: string };

export type RouteHandler = (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;

export type RouteMatch =
  | {
      readonly kind: 'found';
      readonly handler: RouteHandler;
      readonly params: Record<string, string>;
    }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

interface PatternRoute {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: RouteHandler;
}

/**
 * A small route table. Static paths are one map lookup; patterns use `:name` segments and are
 * tried in the order they were added.
 */
export class Router {
  readonly #static = new Map<string, Map<string, RouteHandler>>();
  readonly #patterns: PatternRoute[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    if (!pattern.includes('/:')) {
      const byMethod = this.#static.get(pattern) ?? new Map<string, RouteHandler>();
      byMethod.set(method, handler);
      this.#static.set(pattern, byMethod);
      return this;
    }

    this.#patterns.push({ method, segments: pattern.split('/'), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const byMethod = this.#static.get(path);
    const handler = byMethod?.get(method);
    if (handler) return { kind: 'found', handler, params: {} };

    let pathExists = byMethod !== undefined;
    const segments = path.split('/');
    for (const route of this.#patterns) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      pathExists = true;
    }
    return pathExists ? { kind: 'wrong-method' } : { kind: 'none' };
  }
}

function matchSegments(
  pattern: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;

  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const value = actual[index] ?? '';
    if (expected.startsWith(':')) {
      if (value === '') return undefined;
      params[expected.slice(1)] = decodeSegment(value);
    } else if (expected !== value) {
      return undefined;
    }
  }
  return params;
}

/** A malformed escape is kept as sent: the handler's own validation then rejects it. */
function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
