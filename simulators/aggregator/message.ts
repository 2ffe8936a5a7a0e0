/**
 * A message as the aggregator keeps it, whatever dialect accepted it. The statuses are the
 * aggregator's own; a dialect maps them onto its wire values.
 */
export const FINAL_STATUSES = [
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const;

export type FinalStatus = (typeof FINAL_STATUSES)[number];

/** Where a message waits for its receipt: `sent` for numbers abroad, as Notify marks them. */
export type TransitStatus = 'sending' | 'sent';

export type MessageStatus = 'created' | TransitStatus | FinalStatus;

/** What a dialect hands the aggregator once it has accepted a request. */
export interface Submission {
  readonly id: string;
  readonly dialect: string;
  /** The dialect's account (Notify: the service id). */
  readonly accountId: string;
  /** The dialect's credential class (Notify: `test`, `team` or `normal`). */
  readonly keyType: string;
  /** Test mode: nothing reaches a handset and the outcome comes from `testOutcome`. */
  readonly test: boolean;
  readonly testOutcome?: FinalStatus;
  /** The recipient exactly as the client supplied it. */
  readonly to: string;
  /** The recipient in E.164, `+447700900123`. */
  readonly number: string;
  /** ISO 3166 alpha-2 country of the recipient; `GB` at home. */
  readonly country: string;
  readonly body: string;
  /** The text as the network carries it to the handset (Notify sanitises it first). */
  readonly wireBody: string;
  /** The sender text the service chose. */
  readonly sender: string;
  readonly reference: string | null;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly fragments: number;
  /** How many times the home price each fragment costs. */
  readonly rateMultiplier: number;
}

/**
 * A message with its whole life planned at acceptance: when it is handed to a network, what the
 * network will report and when. Times are real wall-clock epoch microseconds; those still in
 * the future are steps yet to come.
 */
export interface StoredMessage extends Omit<Submission, 'testOutcome'> {
  readonly seq: number;
  /** What the handset's network does with it. */
  readonly plannedOutcome: FinalStatus;
  /** What the aggregator will report for that outcome (a profile may misreport it). */
  readonly reportedStatus: FinalStatus;
  readonly reachesHandset: boolean;
  /** What the handset shows as the sender (a profile may show something else). */
  readonly shownSender: string;
  /** The status while the network has it. */
  readonly transitStatus: TransitStatus;
  readonly createdAt: number;
  /** When it leaves `created` for its transit status. */
  readonly sentAt: number;
  /** When its receipt arrives and the status becomes final; null if it never will. */
  readonly completedAt: number | null;
  /** When the handset shows it; null if it never will. */
  readonly handsetAt: number | null;
}

/** A message before SQLite has numbered it. */
export type NewMessage = Omit<StoredMessage, 'seq'>;

/** A message as seen at one moment: only the steps that have happened show. */
export interface MessageView extends Omit<StoredMessage, 'sentAt' | 'completedAt' | 'handsetAt'> {
  readonly status: MessageStatus;
  readonly sentAt: number | null;
  readonly completedAt: number | null;
  readonly handsetAt: number | null;
  /** Fragments billed: none before sending, none in test mode. */
  readonly billableUnits: number;
}

export function viewAt(message: StoredMessage, nowMicros: number): MessageView {
  const sent = message.sentAt <= nowMicros;
  const completed = message.completedAt !== null && message.completedAt <= nowMicros;
  const onHandset = message.handsetAt !== null && message.handsetAt <= nowMicros;
  return {
    ...message,
    status: completed ? message.reportedStatus : sent ? message.transitStatus : 'created',
    sentAt: sent ? message.sentAt : null,
    completedAt: completed ? message.completedAt : null,
    handsetAt: onHandset ? message.handsetAt : null,
    billableUnits: sent && !message.test ? message.fragments : 0,
  };
}

export function isFinal(status: string): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}
