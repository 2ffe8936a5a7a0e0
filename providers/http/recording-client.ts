import { request, type Dispatcher } from 'undici';
import { TransportError } from '../../core/errors.ts';
import type { Redactor } from '../../core/redact.ts';
import type { ExchangeSink } from '../contract.ts';

export interface HttpCall {
  readonly label: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface RecordingClientOptions {
  readonly redactor: Redactor;
  readonly sink: ExchangeSink;
  readonly timeoutMs?: number;
  readonly dispatcher?: Dispatcher;
}

/**
 * HTTP through undici, with every exchange recorded (redacted) as evidence. A connection that
 * cannot be made or breaks is a TransportError: it says nothing about the supplier.
 */
export class RecordingClient {
  readonly #options: RecordingClientOptions;

  constructor(options: RecordingClientOptions) {
    this.#options = options;
  }

  /** What the client redacts with; an adapter adds the fields its supplier keeps texts in. */
  get redactor(): Redactor {
    return this.#options.redactor;
  }

  async call(call: HttpCall): Promise<HttpReply> {
    const { redactor, sink } = this.#options;
    const started = Date.now();
    const at = new Date(started).toISOString();
    const recordedRequest = {
      method: call.method,
      url: redactor.url(call.url),
      headers: redactor.headers(call.headers ?? {}),
      ...(call.body === undefined ? {} : { body: redactor.payload(call.body) }),
    };

    let reply: HttpReply;
    try {
      reply = await this.#send(call);
    } catch (error) {
      const reason = describeNetworkError(error);
      sink({
        kind: 'exchange',
        label: call.label,
        at,
        durationMs: Date.now() - started,
        request: recordedRequest,
        error: reason,
      });
      throw new TransportError(`${call.method} ${redactor.url(call.url)} failed: ${reason}`, {
        cause: error,
      });
    }

    sink({
      kind: 'exchange',
      label: call.label,
      at,
      durationMs: Date.now() - started,
      request: recordedRequest,
      response: {
        status: reply.status,
        headers: redactor.headers(reply.headers),
        body: redactor.payload(reply.body),
      },
    });
    return reply;
  }

  async #send(call: HttpCall): Promise<HttpReply> {
    const timeoutMs = this.#options.timeoutMs ?? 10_000;
    const response = await request(call.url, {
      method: call.method,
      headers: call.headers ?? {},
      ...(call.body === undefined ? {} : { body: call.body }),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      // A body that trickles in never trips bodyTimeout; this bounds the whole exchange.
      signal: AbortSignal.timeout(timeoutMs * 2),
      ...(this.#options.dispatcher ? { dispatcher: this.#options.dispatcher } : {}),
    });
    const body = await response.body.text();
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const causeCode = (error.cause as { code?: unknown } | undefined)?.code;
  const label = [code, causeCode].filter((c) => typeof c === 'string').join('/');
  return label ? `${label}: ${error.message}` : error.message;
}
