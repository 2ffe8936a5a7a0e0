import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleAll,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import type { ProviderAdapter, SendRequest, SentMessage } from '../contract.ts';
import { DeliveryHealth, type SlowDeliveryPolicy } from './delivery-health.ts';
import { classifySendError } from './send-error.ts';

export type LaneState = 'closed' | 'open' | 'half-open' | 'demoted';

/** One change of a target's breaker, as the timeline records it. */
export interface LaneChange {
  /** Epoch ms. */
  readonly at: number;
  readonly target: string;
  readonly state: LaneState;
  readonly reason: string;
}

export interface LanePolicies {
  /** One attempt's limit; past it the message is in doubt. */
  readonly attemptTimeoutMs: number;
  /** Further attempts on the same target, only after answers that say it was not accepted. */
  readonly retries: number;
  readonly retryDelayMs: number;
  /** Consecutive failed sends that open the breaker. */
  readonly breakAfter: number;
  /** How long an open breaker waits before it lets one trial send through. */
  readonly halfOpenAfterMs: number;
  readonly slowDelivery: SlowDeliveryPolicy;
  /** How long a target demoted for slow delivery stays demoted before it is tried again. */
  readonly demotedForMs: number;
}

const STATES: Record<CircuitState, LaneState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'demoted',
};

/**
 * A target with its policies, all cockatiel's: a timeout per attempt, retries for answers that
 * say "not now" (429, 5xx, refused connection) and a circuit breaker over both. Slow delivery
 * isolates the breaker, so one state says whether the target may be used.
 */
export class Lane {
  readonly name: string;
  readonly adapter: ProviderAdapter;
  readonly health: DeliveryHealth;
  readonly #breaker: CircuitBreakerPolicy;
  readonly #policy: IPolicy;
  /** The same attempts without the breaker, for a demoted target used as the last resort. */
  readonly #policyDemoted: IPolicy;
  readonly #policies: LanePolicies;
  readonly #onChange: (change: LaneChange) => void;
  #demotion: { dispose(): void; until: number } | undefined;
  #openedAt: number | undefined;
  /** Why the target is demoted (or, for a moment, why it no longer is). */
  #demotionReason = '';

  constructor(
    name: string,
    adapter: ProviderAdapter,
    policies: LanePolicies,
    onChange: (change: LaneChange) => void,
  ) {
    this.name = name;
    this.adapter = adapter;
    this.health = new DeliveryHealth(policies.slowDelivery);
    this.#policies = policies;
    this.#onChange = onChange;

    this.#breaker = circuitBreaker(handleAll, {
      halfOpenAfter: policies.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(policies.breakAfter),
    });
    this.#breaker.onStateChange((state) => this.#changed(STATES[state]));
    const retryNotAccepted = retry(
      handleWhen((error) => classifySendError(error) === 'not-accepted'),
      {
        maxAttempts: policies.retries,
        backoff: new ExponentialBackoff({ initialDelay: policies.retryDelayMs, maxDelay: 1000 }),
      },
    );
    const perAttempt = timeout(policies.attemptTimeoutMs, TimeoutStrategy.Aggressive);
    this.#policy = wrap(retryNotAccepted, this.#breaker, perAttempt);
    this.#policyDemoted = wrap(retryNotAccepted, perAttempt);
  }

  get state(): LaneState {
    return STATES[this.#breaker.state];
  }

  /** Whether a send may be tried now: breaker not open (or due a trial), target not demoted. */
  available(now: number): boolean {
    this.#liftDemotion(now);
    switch (this.#breaker.state) {
      case CircuitState.Closed:
      case CircuitState.HalfOpen:
        return true;
      case CircuitState.Open:
        // cockatiel half-opens a breaker only when a call is made: let that call be made.
        return (
          this.#openedAt !== undefined && now - this.#openedAt >= this.#policies.halfOpenAfterMs
        );
      default:
        return false;
    }
  }

  /** Slow to deliver lately: used only when no target that is not is available. */
  demoted(now: number): boolean {
    this.#liftDemotion(now);
    return this.#demotion !== undefined;
  }

  /**
   * Sends through the policies. `onAttempt` sees each attempt's own promise, which goes on after
   * a timeout gives up waiting for it: a late answer still says whether the message was taken.
   * `despiteDemotion` sends past the isolation that demotion puts on the breaker.
   */
  send(
    request: SendRequest,
    onAttempt: (attempt: Promise<SentMessage>) => void,
    despiteDemotion = false,
  ) {
    const policy = despiteDemotion ? this.#policyDemoted : this.#policy;
    return policy.execute(() => {
      const attempt = this.adapter.send(request);
      onAttempt(attempt);
      return attempt;
    });
  }

  /** Demotes the target when too many recent messages were slow to be delivered. */
  judgeDelivery(now: number): void {
    if (this.#demotion || !this.health.isSlow(now)) return;

    const share = this.health.slowShare(now) ?? 0;
    this.#demotionReason = `${Math.round(share * 100)}% of recent messages slow to deliver`;
    const handle = this.#breaker.isolate();
    this.#demotion = { dispose: () => handle.dispose(), until: now + this.#policies.demotedForMs };
  }

  #liftDemotion(now: number): void {
    if (!this.#demotion || now < this.#demotion.until) return;

    this.health.reset();
    this.#demotionReason = 'demotion over';
    this.#demotion.dispose();
    this.#demotion = undefined;
    this.#demotionReason = '';
  }

  #changed(state: LaneState): void {
    const at = Date.now();
    if (state === 'open') this.#openedAt = at;
    this.#onChange({ at, target: this.name, state, reason: this.#reasonFor(state) });
  }

  #reasonFor(state: LaneState): string {
    if (this.#demotionReason) return this.#demotionReason;
    if (state === 'open') return 'sends failing';
    if (state === 'half-open') return 'a trial send after the break';
    return 'the trial send was accepted';
  }
}
