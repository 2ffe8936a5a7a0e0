import type { CallbackDispatcher, OutgoingCallback } from './callback-dispatcher.ts';
import { CallbackQueue } from './callback-queue.ts';
import type { SimClock } from './clock.ts';
import { GroupCommit } from './group-commit.ts';
import type { FinalStatus, MessageView, NewMessage, Submission } from './message.ts';
import { QUEUE_DELAY_MS, type NetworkModel } from './network-model.ts';
import type { ProfileBehaviour } from './profiles.ts';
import { Scheduler } from './scheduler.ts';
import type { SimulatorStore } from './store.ts';

/** What a dialect contributes to a message's life once the aggregator has it. */
export interface DialectHooks {
  /** Whether the account wants delivery-status callbacks (asked when a message is accepted). */
  wantsCallbacks(accountId: string): boolean;
  /** The callback for a message that has its final status; undefined to send none after all. */
  receiptCallback(message: MessageView): OutgoingCallback | undefined;
}

export interface LifecycleDependencies {
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly network: NetworkModel;
  readonly profile: ProfileBehaviour;
  readonly dispatcher: CallbackDispatcher;
  readonly dialects: Readonly<Record<string, DialectHooks>>;
}

/**
 * A message's life, planned in full when it is accepted: `created`, `sending` once the queue
 * delay has passed, then the final status its network reports after a receipt delay. The plan
 * is one row, so status changes cost no writes and a restart loses nothing; the only work left
 * to run later is the delivery-status callback.
 */
export class MessageLifecycle {
  readonly #deps: LifecycleDependencies;
  readonly #scheduler: Scheduler;
  readonly #commits: GroupCommit;
  readonly #callbacks: CallbackQueue;

  constructor(deps: LifecycleDependencies) {
    this.#deps = deps;
    this.#scheduler = new Scheduler(deps.store);
    this.#commits = new GroupCommit(deps.store);
    this.#callbacks = new CallbackQueue({
      store: deps.store,
      clock: deps.clock,
      dispatcher: deps.dispatcher,
      authenticate: deps.profile.authenticatesCallbacks,
      callbackFor: (message) => deps.dialects[message.dialect]?.receiptCallback(message),
      wake: (dueAt) => this.#scheduler.wake(dueAt),
    });
    this.#scheduler.add(this.#callbacks);
  }

  start(): void {
    this.#scheduler.start();
  }

  async stop(): Promise<void> {
    this.#commits.flush();
    this.#scheduler.stop();
    await this.#callbacks.stop();
  }

  /** Plans and stores an accepted message; resolves once it is committed. */
  async accept(submission: Submission): Promise<NewMessage> {
    const { store, clock, network, profile, dialects } = this.#deps;
    const createdAt = clock.uniqueMicros();
    const sentAt = createdAt + micros(clock.realMs(QUEUE_DELAY_MS));
    const completedAt = profile.sendsReceipts
      ? sentAt + micros(clock.realMs(network.receiptDelayMs()))
      : null;
    const { plannedOutcome, reachesHandset } = this.#plan(submission);

    const message: NewMessage = {
      ...submission,
      plannedOutcome,
      reportedStatus: profile.reportedStatus(plannedOutcome),
      reachesHandset,
      createdAt,
      sentAt,
      completedAt,
    };

    const callback =
      completedAt !== null && dialects[submission.dialect]?.wantsCallbacks(submission.accountId);
    await this.#commits.write(() => {
      store.insertMessage(message);
      if (callback) this.#callbacks.enqueue(message.id, completedAt / 1000);
    });
    return message;
  }

  #plan(submission: Submission): { plannedOutcome: FinalStatus; reachesHandset: boolean } {
    const { network, profile } = this.#deps;
    if (!submission.test) {
      return { plannedOutcome: network.outcomeFor(submission.number), reachesHandset: true };
    }
    const plannedOutcome = submission.testOutcome ?? 'delivered';
    return {
      plannedOutcome,
      reachesHandset: profile.testModeLeaks && plannedOutcome === 'delivered',
    };
  }
}

function micros(ms: number): number {
  return Math.round(ms * 1000);
}
