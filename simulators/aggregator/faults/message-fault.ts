import type { SimClock } from '../clock.ts';
import type { FinalStatus, NewMessage } from '../message.ts';
import type { MessageFault } from './injector.ts';

/** Simulated time the backup route adds when a supplier reroutes a message internally. */
export const REROUTE_DELAY_MS = 3_000;

/**
 * What a silent supplier reports when it gives a message up: its own failure, not the
 * handset's, so a profile that misreports the handset's failures leaves it alone.
 */
const GIVEN_UP_STATUS: FinalStatus = 'technical-failure';

export interface MessageFaultContext {
  readonly clock: SimClock;
  /** Whether the supplier reroutes internally when its route fails (FOV-01). */
  readonly reroutes: boolean;
  /** What the supplier reports for an outcome (a profile may misreport it). */
  readonly reportedStatus: (outcome: FinalStatus) => FinalStatus;
}

/**
 * Changes a message's planned life as its fault says. The plan stays one row: a silent or
 * failed route just moves or removes the times of delivery and receipt.
 */
export function applyMessageFault(
  message: NewMessage,
  fault: MessageFault,
  context: MessageFaultContext,
): NewMessage {
  const later = (micros: number | null, simulatedMs: number) =>
    micros === null ? null : micros + Math.round(context.clock.realMs(simulatedMs) * 1000);

  if (fault.silent) {
    const { failsAfterMs } = fault.silent;
    // A supplier that sends no receipts for this message does not report giving it up either.
    const givenUpAt =
      failsAfterMs === null || message.completedAt === null
        ? null
        : later(message.sentAt, failsAfterMs);
    return undelivered(message, GIVEN_UP_STATUS, givenUpAt, context);
  }

  if (fault.routeFailed && !context.reroutes) {
    return undelivered(message, 'technical-failure', message.completedAt, context);
  }

  const delay = fault.extraDelayMs + (fault.routeFailed ? REROUTE_DELAY_MS : 0);
  const handsetAt = later(message.handsetAt, delay);
  const completedAt = fault.receiptLost
    ? null
    : later(message.completedAt, delay + fault.receiptLateMs);
  return { ...message, handsetAt, completedAt };
}

function undelivered(
  message: NewMessage,
  outcome: FinalStatus,
  completedAt: number | null,
  context: MessageFaultContext,
): NewMessage {
  return {
    ...message,
    plannedOutcome: outcome,
    reportedStatus: context.reportedStatus(outcome),
    reachesHandset: false,
    handsetAt: null,
    completedAt,
  };
}
