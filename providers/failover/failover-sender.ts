import { BrokenCircuitError } from 'cockatiel';
import type { ProviderAdapter, SendRequest, SentMessage } from '../contract.ts';
import { Lane, type LaneChange, type LanePolicies } from './lane.ts';
import type { AttemptOutcome, MessageRoute } from './message-route.ts';
import { classifySendError } from './send-error.ts';

export interface FailoverTarget {
  readonly name: string;
  readonly adapter: ProviderAdapter;
}

export interface FailoverSenderOptions {
  /** In order of preference: the primary first. */
  readonly targets: readonly FailoverTarget[];
  readonly policies: LanePolicies;
  /** A message no target has accepted by then is abandoned (the service gives up on it). */
  readonly giveUpAfterMs: number;
  /** How often accepted messages are polled, and waiting or doubtful ones tried again. */
  readonly pollIntervalMs: number;
}

/**
 * Sends each message through the first target that can take it, and never sends a message to a
 * second target while the first may still deliver it:
 * - a send that fails in a way that may have taken effect leaves the message in doubt; the
 *   target is asked by the message's reference (its idempotency key; where it keeps none, by
 *   number and text) before any other is tried, and while it cannot answer the message waits;
 * - an accepted message is resent elsewhere only once its target reports it gave up
 *   (temporary or technical failure): a supplier that stays silent keeps it;
 * - a target is avoided while its breaker is open, and demoted while too many of its recent
 *   messages are slow to be delivered (used then only when no other target can take the
 *   message); it is used again once the breaker closes or the demotion ends, so traffic
 *   returns to the primary.
 */
export class FailoverSender {
  readonly #lanes: readonly Lane[];
  readonly #options: FailoverSenderOptions;
  readonly #routes = new Map<string, MessageRoute>();
  readonly #timeline: LaneChange[] = [];
  /** Each message's latest attempt, which may outlive the timeout that stopped waiting for it. */
  readonly #attempts = new Map<string, AttemptWatch>();
  /** Messages being worked on; a pass leaves them alone, so nothing is sent twice at once. */
  readonly #busy = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;

  constructor(options: FailoverSenderOptions) {
    if (options.targets.length === 0) throw new Error('FailoverSender: no targets given');
    this.#options = options;
    this.#lanes = options.targets.map(
      (t) => new Lane(t.name, t.adapter, options.policies, (c) => this.#timeline.push(c)),
    );
    const at = Date.now();
    for (const lane of this.#lanes) {
      this.#timeline.push({ at, target: lane.name, state: lane.state, reason: 'start' });
    }
  }

  /** Starts polling and retrying in the background; `close` stops it. */
  start(): this {
    this.#timer ??= setInterval(() => void this.tick(), this.#options.pollIntervalMs);
    return this;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#ticking;
  }

  /** Hands a message over; resolves once it is accepted somewhere, waiting, or in doubt. */
  async send(request: SendRequest): Promise<MessageRoute> {
    if (this.#routes.has(request.reference)) {
      throw new Error(`FailoverSender: reference ${request.reference} was already sent`);
    }
    const route: MessageRoute = {
      reference: request.reference,
      to: request.to,
      body: request.body,
      submittedAt: Date.now(),
      state: 'waiting',
      attempts: [],
      gaveUp: new Set(),
    };
    this.#routes.set(request.reference, route);
    await this.#exclusive(route, () => this.#dispatch(route));
    return route;
  }

  routes(): readonly MessageRoute[] {
    return [...this.#routes.values()];
  }

  timeline(): readonly LaneChange[] {
    return [...this.#timeline];
  }

  /** Runs ticks until every message is delivered or final, or `timeoutMs` passes. */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.tick();
      if (this.routes().every((r) => !isOpen(r))) return true;
      if (Date.now() >= deadline) return false;
      await sleep(this.#options.pollIntervalMs);
    }
  }

  /** One pass: poll accepted messages, ask about doubtful ones, retry waiting ones. */
  tick(): Promise<void> {
    this.#ticking ??= this.#pass().finally(() => {
      this.#ticking = undefined;
    });
    return this.#ticking;
  }

  async #pass(): Promise<void> {
    const now = Date.now();
    await Promise.all(
      this.routes().map((route) =>
        this.#exclusive(route, async () => {
          if (route.state === 'accepted') await this.#poll(route);
          else if (route.state === 'in-doubt') await this.#retryDoubt(route);
          else if (route.state === 'waiting') await this.#retryWaiting(route, now);
        }),
      ),
    );
    for (const lane of this.#lanes) lane.judgeDelivery(Date.now());
  }

  async #exclusive(route: MessageRoute, work: () => Promise<void>): Promise<void> {
    if (this.#busy.has(route.reference)) return;
    this.#busy.add(route.reference);
    try {
      await work();
    } finally {
      this.#busy.delete(route.reference);
    }
  }

  async #dispatch(route: MessageRoute): Promise<void> {
    const demoted: Lane[] = [];
    for (const lane of this.#lanes) {
      if (route.gaveUp.has(lane.name)) continue;
      if (!lane.available(Date.now())) {
        if (lane.demoted(Date.now())) demoted.push(lane);
        this.#attempt(route, lane, 'skipped');
        continue;
      }
      if (await this.#tryLane(route, lane)) return;
    }

    // Demotion moves traffic off a slow target, it does not stop it: a message with nowhere
    // else to go is better delivered late than given up.
    for (const lane of demoted) {
      if (await this.#tryLane(route, lane, true)) return;
    }
    if (route.state !== 'in-doubt' && route.state !== 'rejected') this.#wait(route);
  }

  /** True once the message's fate no longer depends on another target. */
  async #tryLane(route: MessageRoute, lane: Lane, despiteDemotion = false): Promise<boolean> {
    const request = { to: route.to, body: route.body, reference: route.reference };
    const onAttempt = (a: Promise<SentMessage>) => this.#attempts.set(route.reference, watch(a));
    try {
      const sent = await lane.send(request, onAttempt, despiteDemotion);
      this.#accept(route, lane, sent.id, 'accepted');
      return true;
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        this.#attempt(route, lane, 'skipped');
        return false;
      }
      const failure = classifySendError(error);
      this.#attempt(route, lane, failure);
      if (failure === 'rejected') {
        route.state = 'rejected';
        return true;
      }
      if (failure === 'not-accepted') return false;

      route.state = 'in-doubt';
      route.doubtOn = lane.name;
      return (await this.#resolveDoubt(route)) !== 'not-found';
    }
  }

  /** Asks the target that may have the message; until it answers, nobody else gets it. */
  async #resolveDoubt(route: MessageRoute): Promise<'found' | 'not-found' | 'unknown'> {
    const lane = this.#lanes.find((l) => l.name === route.doubtOn);
    if (!lane) return 'unknown';

    // A request still on its way may yet arrive: asking now could miss it and send it twice.
    const attempt = this.#attempts.get(route.reference);
    if (attempt && !attempt.settled) return 'unknown';
    if (attempt?.sent) {
      this.#accept(route, lane, attempt.sent.id, 'found');
      return 'found';
    }
    try {
      const held = await heldBy(lane.adapter, route, this.#idsHeldAt(lane.name));
      if (held) {
        this.#accept(route, lane, held.id, 'found');
        return 'found';
      }
    } catch {
      // The target cannot answer yet: the message stays in doubt and is asked about next pass.
      return 'unknown';
    }
    this.#attempt(route, lane, 'not-found');
    this.#wait(route);
    return 'not-found';
  }

  /** The ids of the messages a target already holds for this sender. */
  #idsHeldAt(target: string): ReadonlySet<string> {
    return new Set(
      this.routes().flatMap((r) => (r.holder?.target === target ? [r.holder.id] : [])),
    );
  }

  /** A doubt resolved by the pass: the message may now go elsewhere. */
  async #retryDoubt(route: MessageRoute): Promise<void> {
    if ((await this.#resolveDoubt(route)) === 'not-found') await this.#dispatch(route);
  }

  #wait(route: MessageRoute): void {
    route.state = 'waiting';
    route.waitingSince ??= Date.now();
    delete route.doubtOn;
  }

  async #retryWaiting(route: MessageRoute, now: number): Promise<void> {
    if (now - (route.waitingSince ?? route.submittedAt) > this.#options.giveUpAfterMs) {
      route.state = 'abandoned';
      return;
    }
    await this.#dispatch(route);
  }

  async #poll(route: MessageRoute): Promise<void> {
    const holder = route.holder;
    const lane = holder && this.#lanes.find((l) => l.name === holder.target);
    if (!holder || !lane) return;

    let state;
    try {
      state = await lane.adapter.status(holder.id);
    } catch {
      // Polled again next pass; an unreachable target does not change the message.
      lane.health.unseen(route.reference);
      return;
    }
    if (!state) return;
    lane.health.seen(route.reference);

    const now = Date.now();
    if (state.status === 'delivered') {
      route.state = 'delivered';
      route.deliveredAt = now;
      route.finalStatus = state.providerStatus;
      lane.health.delivered(route.reference, now);
    } else if (state.status === 'temporary-failure' || state.status === 'technical-failure') {
      // The target gave the message up, so it will not deliver it: another target may.
      lane.health.failed(route.reference);
      route.gaveUp.add(lane.name);
      this.#attempt(route, lane, 'gave-up');
      delete route.holder;
      this.#wait(route);
      await this.#dispatch(route);
    } else if (state.status === 'permanent-failure') {
      route.state = 'failed';
      route.finalStatus = state.providerStatus;
    }
  }

  #accept(route: MessageRoute, lane: Lane, id: string, outcome: AttemptOutcome): void {
    const at = Date.now();
    this.#attempt(route, lane, outcome);
    this.#attempts.delete(route.reference);
    route.state = 'accepted';
    route.holder = { target: lane.name, id, at };
    delete route.doubtOn;
    delete route.waitingSince;
    lane.health.accepted(route.reference, at);
  }

  #attempt(route: MessageRoute, lane: Lane, outcome: AttemptOutcome): void {
    route.attempts.push({ target: lane.name, at: Date.now(), outcome });
  }
}

function isOpen(route: MessageRoute): boolean {
  return route.state === 'accepted' || route.state === 'waiting' || route.state === 'in-doubt';
}

interface AttemptWatch {
  settled: boolean;
  sent?: SentMessage;
}

/** Follows an attempt to its end, whoever still waits for it. */
function watch(attempt: Promise<SentMessage>): AttemptWatch {
  const watched: AttemptWatch = { settled: false };
  attempt.then(
    (sent) => Object.assign(watched, { settled: true, sent }),
    () => Object.assign(watched, { settled: true }),
  );
  return watched;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The message as the target holds it, asked by its reference; where the target keeps none
 * (Twilio), by its number and its text, passing over the messages other routes already hold. A
 * target that can be asked neither way throws, so the message stays in doubt rather than risk
 * going twice.
 */
async function heldBy(
  adapter: ProviderAdapter,
  route: MessageRoute,
  heldForOthers: ReadonlySet<string>,
) {
  const { references = true, listFilters = ['reference', 'status'] } = adapter.capabilities;
  if (references) {
    const page = await adapter.list({ reference: route.reference });
    return page.messages.find((m) => m.reference === route.reference);
  }
  if (!listFilters.includes('to')) {
    throw new Error(`${route.reference}: the target can be asked neither by reference nor number`);
  }
  const page = await adapter.list({ to: route.to });
  return page.messages.find((m) => m.body === route.body && !heldForOthers.has(m.id));
}
