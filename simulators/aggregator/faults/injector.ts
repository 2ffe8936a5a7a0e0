import type { FaultPlan } from './plan.ts';
import { seededRandom } from '../../../core/seeded-random.ts';

/** What happens to one API request before (and after) its handler runs. */
export interface RequestFault {
  /** Real ms to wait before handling it. */
  readonly delayMs: number;
  readonly action:
    | { readonly kind: 'handle' }
    | { readonly kind: 'drop' }
    | { readonly kind: 'drop-reply' }
    | {
        readonly kind: 'respond';
        readonly status: number;
        readonly headers: Readonly<Record<string, string>>;
        readonly json: unknown;
      };
}

/** What happens to one accepted message on its way to the handset and back. */
export interface MessageFault {
  readonly routeFailed: boolean;
  /** Null when the message is delivered; otherwise when (simulated ms) it is given up, if ever. */
  readonly silent: { readonly failsAfterMs: number | null } | null;
  readonly extraDelayMs: number;
  readonly receiptLost: boolean;
  readonly receiptLateMs: number;
  readonly duplicateCallback: boolean;
  /** Simulated ms the callback is held back beyond the receipt. */
  readonly callbackDelayMs: number;
}

export const NO_MESSAGE_FAULT: MessageFault = {
  routeFailed: false,
  silent: null,
  extraDelayMs: 0,
  receiptLost: false,
  receiptLateMs: 0,
  duplicateCallback: false,
  callbackDelayMs: 0,
};

export const NO_REQUEST_FAULT: RequestFault = { delayMs: 0, action: { kind: 'handle' } };

export type FaultEventKind =
  | 'outage'
  | 'error'
  | 'drop'
  | 'drop-reply'
  | 'throttle'
  | 'silent'
  | 'slow-delivery'
  | 'receipt-lost'
  | 'receipt-duplicated'
  | 'receipt-reordered'
  | 'rerouted'
  | 'route-failed';

/** Something a fault did, as `GET /_sim/faults` lists it. */
export interface FaultEvent {
  readonly kind: FaultEventKind;
  /** ISO 8601, real wall clock. */
  readonly at: string;
  readonly path?: string;
  readonly messageId?: string;
}

const MAX_EVENTS = 5_000;

/**
 * The simulator's current fault plan and the seeded draws that apply it. With no plan every
 * request is handled and every message lives as the network plans it.
 */
export class FaultInjector {
  /** Whether throttling is said clearly (429 and Retry-After); a profile may not say it. */
  readonly #signalsThrottling: boolean;
  #plan: FaultPlan | undefined;
  #setAt = 0;
  #seed = 0;
  #random: () => number = Math.random;
  #recent: number[] = [];
  readonly #events: FaultEvent[] = [];

  constructor(options: { readonly signalsThrottling?: boolean } = {}) {
    this.#signalsThrottling = options.signalsThrottling ?? true;
  }

  set(plan: FaultPlan): void {
    this.#plan = plan;
    this.#setAt = Date.now();
    this.#seed = plan.seed ?? Math.floor(Math.random() * 2 ** 32);
    this.#random = seededRandom(this.#seed);
    this.#recent = [];
    this.#events.length = 0;
  }

  clear(): void {
    this.#plan = undefined;
    this.#recent = [];
  }

  describe() {
    return {
      active: this.#plan !== undefined,
      ...(this.#plan ? { plan: this.#plan, seed: this.#seed } : {}),
      ...(this.#plan ? { setAt: new Date(this.#setAt).toISOString() } : {}),
      events: [...this.#events],
    };
  }

  /** Decides the fate of one API request (never a control route). */
  forRequest(path: string): RequestFault {
    const plan = this.#plan;
    if (!plan) return NO_REQUEST_FAULT;

    const now = Date.now();
    const outage = this.#outageAt(now);
    if (outage) {
      this.#record('outage', { path });
      return outage === 'refuse'
        ? { delayMs: 0, action: { kind: 'drop' } }
        : { delayMs: 0, action: respond(503, 'SimulatedOutage', 'The service is unavailable') };
    }

    const throttled = this.#throttle(now);
    if (throttled) {
      this.#record('throttle', { path });
      return { delayMs: 0, action: throttled };
    }

    const delayMs = this.#latency();
    for (const rule of plan.errors ?? []) {
      if (this.#random() < rule.rate) {
        this.#record('error', { path });
        return { delayMs, action: respond(rule.status, 'SimulatedError', `HTTP ${rule.status}`) };
      }
    }

    if (plan.drop && this.#random() < plan.drop.rate) {
      const kind = plan.drop.when === 'before-handling' ? 'drop' : 'drop-reply';
      this.#record(kind, { path });
      return { delayMs, action: { kind } };
    }
    return { delayMs, action: { kind: 'handle' } };
  }

  /** Decides what becomes of one accepted message. */
  forMessage(messageId: string, reroutes: boolean): MessageFault {
    const plan = this.#plan;
    if (!plan) return NO_MESSAGE_FAULT;

    const draw = (rate: number | undefined) => rate !== undefined && this.#random() < rate;
    const routeFailed = draw(plan.routeFailure?.rate);
    if (routeFailed) this.#record(reroutes ? 'rerouted' : 'route-failed', { messageId });

    const silent = draw(plan.silent?.rate)
      ? { failsAfterMs: plan.silent?.failsAfterMs ?? null }
      : null;
    if (silent) this.#record('silent', { messageId });

    const slow = draw(plan.slowDelivery?.rate);
    if (slow) this.#record('slow-delivery', { messageId });

    const receipts = plan.receipts;
    const receiptLost = draw(receipts?.lost);
    const duplicateCallback = draw(receipts?.duplicated);
    const reordered = draw(receipts?.reordered);
    if (receiptLost) this.#record('receipt-lost', { messageId });
    if (duplicateCallback) this.#record('receipt-duplicated', { messageId });
    if (reordered) this.#record('receipt-reordered', { messageId });

    return {
      routeFailed,
      silent,
      extraDelayMs: slow ? (plan.slowDelivery?.extraMs ?? 0) : 0,
      receiptLost,
      receiptLateMs: receipts?.lateMs ?? 0,
      duplicateCallback,
      callbackDelayMs: reordered ? this.#random() * (receipts?.reorderWindowMs ?? 0) : 0,
    };
  }

  #outageAt(now: number): 'refuse' | 'unavailable' | undefined {
    const elapsed = now - this.#setAt;
    const window = this.#plan?.outages?.find(
      (o) => elapsed >= o.startMs && (o.endMs === undefined || elapsed < o.endMs),
    );
    return window?.mode;
  }

  #throttle(now: number): RequestFault['action'] | undefined {
    const rule = this.#plan?.throttle;
    if (!rule) return undefined;

    this.#recent = this.#recent.filter((at) => at > now - rule.windowMs);
    if (this.#recent.length < rule.limit) {
      this.#recent.push(now);
      return undefined;
    }
    if (!this.#signalsThrottling) return respond(503, 'Exception', 'Service unavailable');

    // Notify's own wording for its rate limit, with the Retry-After a client needs to back off.
    const seconds = Math.round(rule.windowMs / 1000);
    const message =
      'Exceeded rate limit for key type LIVE of ' + `${rule.limit} requests per ${seconds} seconds`;
    return {
      ...respond(429, 'RateLimitError', message),
      headers: { 'retry-after': String(rule.retryAfterSeconds) },
    };
  }

  #latency(): number {
    const latency = this.#plan?.latency;
    if (!latency || this.#random() >= latency.rate) return 0;
    return latency.minMs + this.#random() * (latency.maxMs - latency.minMs);
  }

  #record(kind: FaultEventKind, detail: { path?: string; messageId?: string }): void {
    if (this.#events.length >= MAX_EVENTS) this.#events.shift();
    this.#events.push({ kind, at: new Date().toISOString(), ...detail });
  }
}

/** An error body in Notify's v2 shape, so clients read it as they read Notify's own. */
function respond(status: number, error: string, message: string) {
  return {
    kind: 'respond' as const,
    status,
    headers: {},
    json: { status_code: status, errors: [{ error, message }] },
  };
}
