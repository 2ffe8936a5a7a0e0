import type { CallbackDispatcher, CallbackKind, OutgoingCallback } from './callback-dispatcher.ts';
import { CallbackQueue } from './callback-queue.ts';
import type { SimClock } from './clock.ts';
import { destination, HOME_COUNTRY } from './destinations.ts';
import { NO_MESSAGE_FAULT, type FaultInjector, type MessageFault } from './faults/injector.ts';
import { applyMessageFault } from './faults/message-fault.ts';
import { GroupCommit } from './group-commit.ts';
import { deliveryToService } from './inbound-delivery.ts';
import {
  viewAt,
  type FinalStatus,
  type MessageView,
  type NewMessage,
  type Submission,
} from './message.ts';
import { QUEUE_DELAY_MS, type NetworkModel } from './network-model.ts';
import type { ProfileBehaviour } from './profiles.ts';
import type { ReceiptFaker } from './receipt-faking.ts';
import type { InboundDirectory, NewReply, StoredReply } from './reply.ts';
import { Scheduler } from './scheduler.ts';
import type { ShownSenders } from './shown-senders.ts';
import type { SimulatorStore } from './store.ts';
import { alterText } from './text-alteration.ts';

/** What a dialect contributes to a message's life, and to a reply's, once the aggregator has it. */
export interface DialectHooks {
  /**
   * Whether the account wants delivery-status callbacks for this message (asked when it is
   * accepted; Twilio asks per message).
   */
  wantsCallbacks(accountId: string, messageId: string): boolean;
  /**
   * When (real epoch ms) to call back about a message before its final status, each callback
   * carrying the status of its moment (Twilio posts `sending` and `sent`). @default none
   */
  interimCallbacksAt?(message: NewMessage): readonly number[];
  /** Whether the dialect gets receipts from `country`. @default the destination's own rule */
  receiptsFrom?(country: string): boolean;
  /** The callback for a message that has its final status; undefined to send none after all. */
  receiptCallback(message: MessageView): OutgoingCallback | undefined;
  /** Whether the account wants replies posted to it (asked when a reply arrives). */
  wantsReceivedTextCallbacks(accountId: string): boolean;
  /** The callback carrying a reply; undefined to send none after all. */
  receivedTextCallback(reply: StoredReply): OutgoingCallback | undefined;
}

/** A reply as a handset sends it, before the aggregator decides what becomes of it. */
export type ReplySubmission = Omit<NewReply, 'received' | 'sentAt'>;

export interface LifecycleDependencies {
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly network: NetworkModel;
  readonly profile: ProfileBehaviour;
  readonly dispatcher: CallbackDispatcher;
  readonly shownSenders: ShownSenders;
  readonly dialects: Readonly<Record<string, DialectHooks>>;
  /** Drops texts while reporting them delivered, as the profile says; none without one. */
  readonly receiptFaker?: ReceiptFaker;
  /** Numbers on which services receive texts, so texts sent to them reach those services. */
  readonly directory?: InboundDirectory;
  /** Faults injected through the control API; none when absent. */
  readonly faults?: FaultInjector;
}

/**
 * A message's life, planned in full when it is accepted: `created`, `sending` (or `sent`
 * abroad) once the queue delay has passed, then the final status its network reports after a
 * receipt delay, unless the country sends no receipts. The plan is one row, so status changes
 * cost no writes and a restart loses nothing; the only work left to run later is callbacks.
 * Replies from handsets come in here too, since they share the store and the callbacks.
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
      callbackFor: (kind, id, dueAt) => this.#callbackFor(kind, id, dueAt),
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
    const { store, dialects } = this.#deps;
    const fault = this.#faultFor(submission.id);
    const message = this.#withFault(this.#plan(submission), fault);
    const { completedAt } = message;

    const hooks = dialects[submission.dialect];
    const wanted = hooks?.wantsCallbacks(submission.accountId, submission.id) ?? false;
    const interim = wanted ? (hooks?.interimCallbacksAt?.(message) ?? []) : [];
    const dueAt = (completedAt ?? 0) / 1000 + this.#deps.clock.realMs(fault.callbackDelayMs);
    const onward = deliveryToService(message, this.#deps.directory);
    const onwardCallback =
      onward && dialects[onward.dialect]?.wantsReceivedTextCallbacks(onward.accountId);
    await this.#commits.write(() => {
      store.insertMessage(message);
      for (const due of interim) this.#callbacks.enqueue('delivery-status', message.id, due);
      if (wanted && completedAt !== null) {
        this.#callbacks.enqueue('delivery-status', message.id, dueAt);
        if (fault.duplicateCallback) this.#callbacks.enqueue('delivery-status', message.id, dueAt);
      }
      if (onward) store.insertReply(onward);
      if (onward && onwardCallback) {
        this.#callbacks.enqueue('received-text', onward.id, onward.sentAt / 1000);
      }
    });
    return message;
  }

  /**
   * Stores a reply a handset sent, and queues its callback, unless the profile drops replies:
   * then the handset still shows it as sent and the service never hears of it.
   */
  async receiveReply(submission: ReplySubmission): Promise<NewReply> {
    const { store, clock, profile, dialects } = this.#deps;
    const reply = { ...submission, received: profile.keepsReplies, sentAt: clock.uniqueMicros() };

    const callback =
      reply.received && dialects[reply.dialect]?.wantsReceivedTextCallbacks(reply.accountId);
    // Notify queues the callback task as soon as the provider hands the text over.
    await this.#commits.write(() => {
      store.insertReply(reply);
      if (callback) this.#callbacks.enqueue('received-text', reply.id, Date.now());
    });
    return reply;
  }

  #plan(submission: Submission): NewMessage {
    const { clock, network, profile, dialects } = this.#deps;
    const createdAt = clock.uniqueMicros();
    const sentAt = createdAt + micros(clock.realMs(QUEUE_DELAY_MS));
    const arrivesAt = sentAt + micros(clock.realMs(network.receiptDelayMs()));
    const { plannedOutcome, reachesHandset } = this.#outcome(submission);

    const abroad = submission.country !== HOME_COUNTRY;
    const receiptsFrom = dialects[submission.dialect]?.receiptsFrom?.(submission.country);
    const receipts =
      profile.sendsReceipts && (receiptsFrom ?? destination(submission.country)?.deliveryReceipts);
    const deliverable = reachesHandset && plannedOutcome === 'delivered';
    // A faked receipt: the route drops the text and reports what delivering it would have.
    const dropped = deliverable && (this.#deps.receiptFaker?.drops(submission.number) ?? false);
    const onHandset = deliverable && !dropped;
    return {
      ...submission,
      ...(onHandset && profile.altersText ? { wireBody: alterText(submission.wireBody) } : {}),
      plannedOutcome,
      reportedStatus: profile.reportedStatus(plannedOutcome),
      reachesHandset: reachesHandset && !dropped,
      shownSender: onHandset
        ? this.#deps.shownSenders.next(submission.number, submission.sender)
        : submission.sender,
      transitStatus: abroad ? 'sent' : 'sending',
      createdAt,
      sentAt,
      completedAt: receipts ? arrivesAt : null,
      handsetAt: onHandset ? arrivesAt : null,
    };
  }

  #faultFor(messageId: string): MessageFault {
    const { faults, profile } = this.#deps;
    return faults?.forMessage(messageId, profile.reroutesInternally) ?? NO_MESSAGE_FAULT;
  }

  #withFault(message: NewMessage, fault: MessageFault): NewMessage {
    if (fault === NO_MESSAGE_FAULT) return message;
    const { clock, profile } = this.#deps;
    return applyMessageFault(message, fault, {
      clock,
      reroutes: profile.reroutesInternally,
      reportedStatus: profile.reportedStatus,
    });
  }

  #outcome(submission: Submission): { plannedOutcome: FinalStatus; reachesHandset: boolean } {
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

  /**
   * A message is seen as it was when the attempt fell due, or later: an interim callback tells
   * the status of its own moment even when the scheduler runs it late.
   */
  #callbackFor(kind: CallbackKind, id: string, dueAt: number): OutgoingCallback | undefined {
    const { store, dialects } = this.#deps;
    if (kind === 'received-text') {
      const reply = store.findReply(id);
      return reply && dialects[reply.dialect]?.receivedTextCallback(reply);
    }

    const message = store.findMessageById(id);
    // Rounded up, so that a job due at the receipt's own moment sees the final status.
    const at = Math.ceil(dueAt * 1000);
    return message && dialects[message.dialect]?.receiptCallback(viewAt(message, at));
  }
}

function micros(ms: number): number {
  return Math.round(ms * 1000);
}
