import type { MessageAttributes } from './message-attributes.ts';

/** A published text as LocalStack's `/_aws/sns/sms-messages` lists it. */
export interface LoggedSms {
  readonly PhoneNumber: string;
  readonly TopicArn: null;
  readonly SubscriptionArn: null;
  readonly MessageId: string;
  readonly Message: string;
  readonly MessageAttributes: MessageAttributes;
  readonly MessageStructure: null;
  readonly Subject: null;
}

interface Entry {
  readonly accountId: string;
  readonly region: string;
  readonly sms: LoggedSms;
}

export interface LogFilter {
  readonly accountId: string;
  readonly region: string;
  readonly phoneNumber?: string | undefined;
}

/**
 * Every text published to a number, by account and region, kept in memory only (as LocalStack
 * keeps them): the store holds the message itself, sealed, and this log is for tests to read.
 */
export class SmsLog {
  #entries: Entry[] = [];

  add(accountId: string, region: string, sms: LoggedSms): void {
    this.#entries.push({ accountId, region, sms });
  }

  /** The texts that match, grouped by number in the order they were published. */
  byNumber(filter: LogFilter): Record<string, LoggedSms[]> {
    const grouped: Record<string, LoggedSms[]> = {};
    for (const { sms } of this.#entries.filter((e) => matches(e, filter))) {
      (grouped[sms.PhoneNumber] ??= []).push(sms);
    }
    return grouped;
  }

  discard(filter: LogFilter): void {
    this.#entries = this.#entries.filter((e) => !matches(e, filter));
  }
}

function matches(entry: Entry, filter: LogFilter): boolean {
  return (
    entry.accountId === filter.accountId &&
    entry.region === filter.region &&
    (filter.phoneNumber === undefined || entry.sms.PhoneNumber === filter.phoneNumber)
  );
}
