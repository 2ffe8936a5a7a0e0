/** What happened when the sender tried one target for one message. */
export type AttemptOutcome =
  /** The target accepted it. */
  | 'accepted'
  /** The target certainly did not take it (refusal, 429, 5xx, no connection). */
  | 'not-accepted'
  /** The target may have taken it; it must be asked before another is tried. */
  | 'in-doubt'
  /** Asked by reference after a doubt: it has the message. */
  | 'found'
  /** Asked by reference after a doubt: it does not. */
  | 'not-found'
  /** Not tried: its breaker was open or it was demoted. */
  | 'skipped'
  /** It refused the message itself; no other target is tried. */
  | 'rejected'
  /** It accepted the message and later reported that it gave up on it. */
  | 'gave-up';

export interface RouteAttempt {
  readonly target: string;
  /** Epoch ms. */
  readonly at: number;
  readonly outcome: AttemptOutcome;
}

export type RouteState =
  /** No target has it yet; it is tried again until it is given up. */
  | 'waiting'
  /** A target may have it and cannot yet say: it is sent nowhere else until it does. */
  | 'in-doubt'
  | 'accepted'
  | 'delivered'
  /** Final and not delivered, for a reason another target would share (permanent failure). */
  | 'failed'
  | 'rejected'
  /** No target took it within the time the service allows. */
  | 'abandoned';

/** One message's way through the targets, for the service and for the report. */
export interface MessageRoute {
  readonly reference: string;
  readonly to: string;
  readonly body: string;
  /** Epoch ms when the service handed it over. */
  readonly submittedAt: number;
  state: RouteState;
  readonly attempts: RouteAttempt[];
  /** The target holding it now, with its id there. */
  holder?: { readonly target: string; readonly id: string; readonly at: number };
  /** Epoch ms since when no target has it; the service gives it up `giveUpAfterMs` later. */
  waitingSince?: number;
  /** Where it is in doubt. */
  doubtOn?: string;
  /** Targets that gave it up; it is never sent to them again. */
  readonly gaveUp: Set<string>;
  deliveredAt?: number;
  finalStatus?: string;
}
