import type { FinalStatus, StoredMessage } from '../../aggregator/message.ts';
import { viewAt } from '../../aggregator/message.ts';

/** A message's status as Twilio reports it, with the ErrorCode a failure carries. */
export interface TwilioState {
  readonly status: 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';
  readonly errorCode: number | null;
  readonly errorMessage: string | null;
  /** Epoch µs of the step that set this status. */
  readonly since: number;
}

/**
 * The aggregator's outcomes as Twilio words them. Which ErrorCode stands for which kind is the
 * facts file's classification: 30003 a handset out of reach (temporary), 30005 a number that
 * does not exist (permanent), and `failed` for a text no network took (30008).
 */
const FINAL: Readonly<Record<FinalStatus, Omit<TwilioState, 'since'>>> = {
  delivered: { status: 'delivered', errorCode: null, errorMessage: null },
  'temporary-failure': {
    status: 'undelivered',
    errorCode: 30003,
    errorMessage: 'Unreachable destination handset',
  },
  'permanent-failure': {
    status: 'undelivered',
    errorCode: 30005,
    errorMessage: 'Unknown destination handset',
  },
  'technical-failure': { status: 'failed', errorCode: 30008, errorMessage: 'Unknown error' },
};

export function finalState(reported: FinalStatus, since: number): TwilioState {
  return { ...FINAL[reported], since };
}

/**
 * Twilio's life of a text at `nowMicros`: `queued`, then `sending` for the second half of the
 * aggregator's queue delay (it is being handed to the carrier), `sent` while the carrier has it,
 * then the final status its receipt brings.
 */
export function twilioStateAt(message: StoredMessage, nowMicros: number): TwilioState {
  const view = viewAt(message, nowMicros);
  const handingOver = message.createdAt + (message.sentAt - message.createdAt) / 2;

  switch (view.status) {
    case 'created':
      return nowMicros < handingOver
        ? { status: 'queued', errorCode: null, errorMessage: null, since: message.createdAt }
        : { status: 'sending', errorCode: null, errorMessage: null, since: handingOver };
    case 'sending':
    case 'sent':
      return { status: 'sent', errorCode: null, errorMessage: null, since: message.sentAt };
    default:
      return finalState(view.status, view.completedAt ?? message.sentAt);
  }
}
