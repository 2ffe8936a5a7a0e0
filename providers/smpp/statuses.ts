import type { NormalisedStatus } from '../contract.ts';

/** A receipt's outcome, normalised, and whether it is the last word on the message. */
export interface ReceiptOutcome {
  readonly status: NormalisedStatus;
  readonly final: boolean;
}

/** message_state values (SMPP 3.4 §5.3.2.35; 0 and 9 from 5.0) by the names receipts use. */
export const MESSAGE_STATES: Readonly<Record<number, string>> = {
  0: 'SCHEDULED',
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
  9: 'SKIPPED',
};

/**
 * GSM MAP errors after which the handset may still be reached later: absent subscriber (27),
 * subscriber busy (31), SM delivery failure such as a full memory (32), message waiting list
 * full (33), system failure (34). Any other error on an undeliverable message is taken as
 * permanent, which is what `UNDELIV` says on its own.
 */
const TRANSIENT_ERRORS: ReadonlySet<number> = new Set([27, 31, 32, 33, 34]);

/**
 * The normalised outcome of a receipt's state word. `stat` decides, `err` only refines an
 * `UNDELIV`: a `DELIVRD` with a non-zero `err` is still delivered (BR-18). A word outside the
 * standard list (`FAILED`, say) is a final failure of no known kind, as Notify treats unknown
 * provider statuses: technical, never pending and never delivered.
 */
export function outcomeOf(stat: string, err: number | undefined): ReceiptOutcome {
  const word = stat.toUpperCase();
  if (word === 'UNDELIV' || word === 'UNDELIVERABLE') {
    const transient = err !== undefined && TRANSIENT_ERRORS.has(err);
    return { status: transient ? 'temporary-failure' : 'permanent-failure', final: true };
  }
  return STAT_OUTCOMES[word] ?? { status: 'technical-failure', final: true };
}

const DELIVERED: ReceiptOutcome = { status: 'delivered', final: true };
const IN_FLIGHT: ReceiptOutcome = { status: 'sending', final: false };
const PERMANENT: ReceiptOutcome = { status: 'permanent-failure', final: true };

/** State words, with the spellings some SMSCs use in full. */
const STAT_OUTCOMES: Readonly<Record<string, ReceiptOutcome>> = {
  DELIVRD: DELIVERED,
  DELIVERED,
  ENROUTE: IN_FLIGHT,
  ACCEPTD: IN_FLIGHT,
  ACCEPTED: IN_FLIGHT,
  SCHEDULED: { status: 'accepted', final: false },
  EXPIRED: { status: 'temporary-failure', final: true },
  DELETED: PERMANENT,
  REJECTD: PERMANENT,
  REJECTED: PERMANENT,
};
