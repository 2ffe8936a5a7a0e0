import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';

/** What a callback tells the service: a message's final status, or a text a handset sent. */
export type CallbackKind = 'delivery-status' | 'received-text';

/** A callback as a dialect asks for it; `credentials` are the headers that authenticate it. */
export interface OutgoingCallback {
  readonly url: string;
  readonly body: string;
  readonly credentials: Readonly<Record<string, string>>;
  /** @default 'application/json' (Twilio posts forms) */
  readonly contentType?: string;
  /** @default 'POST'; a GET carries no body (Twilio's `SmsMethod` GET puts it in the query) */
  readonly method?: 'GET' | 'POST';
}

export type DeliveryResult =
  | { readonly kind: 'answered'; readonly status: number }
  | { readonly kind: 'failed'; readonly error: string };

/** What to do after an attempt, as Notify's callback task decides it. */
export type NextStep = 'done' | 'retry' | 'give-up';

/** Real seconds, not simulated: the receiver runs in real time. */
const TIMEOUT_MS = 5_000;

/** Posts callbacks to services' receivers over one connection pool of its own. */
export class CallbackDispatcher {
  readonly #agent: Agent;

  /** `ca`: authorities trusted besides the system's, such as a test receiver's own. */
  constructor(ca: readonly string[] = []) {
    const trusted = ca.length > 0 ? { ca: [...rootCertificates, ...ca] } : {};
    this.#agent = new Agent({
      connect: { timeout: TIMEOUT_MS, ...trusted },
      keepAliveTimeout: 4_000,
    });
  }

  async post(
    callback: OutgoingCallback,
    authenticate: boolean,
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    const method = callback.method ?? 'POST';
    const headers = {
      ...(method === 'POST' ? { 'content-type': callback.contentType ?? 'application/json' } : {}),
      'user-agent': 'sms-assure-simulator',
      ...(authenticate ? callback.credentials : {}),
    };

    try {
      const response = await request(callback.url, {
        method,
        headers,
        ...(method === 'POST' ? { body: callback.body } : {}),
        dispatcher: this.#agent,
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
      await response.body.dump();
      return { kind: 'answered', status: response.statusCode };
    } catch (error) {
      // A stop must not be mistaken for the receiver failing; let the scheduler see it.
      if (signal.aborted) throw error;
      return { kind: 'failed', error: describe(error) };
    }
  }

  async close(): Promise<void> {
    await this.#agent.destroy();
  }
}

/** Network errors, 5xx and 429 are retried; any other 4xx is given up on at once. */
export function nextStep(result: DeliveryResult): NextStep {
  if (result.kind === 'failed') return 'retry';
  if (result.status < 400) return 'done';
  if (result.status >= 500 || result.status === 429) return 'retry';
  return 'give-up';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
