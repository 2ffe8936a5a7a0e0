import { z } from 'zod';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { invalidParameter } from './errors.ts';

/** SNS's two kinds of text: cheap and best-effort, or critical and routed for reliability. */
export const SMS_TYPES = ['Promotional', 'Transactional'] as const;

/** A sender ID as SNS takes it: 1 to 11 letters or digits, at least one a letter. */
const SENDER_ID = /^[A-Za-z0-9]{1,11}$/;

/** Most characters an alphanumeric sender ID may have. */
export const MAX_SENDER_ID = 11;

const META_KEY = 'sns.sms-attributes';

/**
 * The account's SMS defaults (`SetSMSAttributes`): what a Publish that names no sender ID or
 * type gets. The simulated account starts with the sender ID `ASSURE`, as an account whose
 * sender ID was registered would; SNS itself has no default one.
 */
export class SmsAttributes {
  readonly #store: SimulatorStore;
  #values: Record<string, string>;

  constructor(store: SimulatorStore) {
    this.#store = store;
    const stored = store.readMeta(META_KEY);
    this.#values =
      stored === undefined
        ? { DefaultSenderID: 'ASSURE', DefaultSMSType: 'Promotional' }
        : z.record(z.string(), z.string()).parse(JSON.parse(stored));
    this.#save();
  }

  get(names: readonly string[]): Readonly<Record<string, string>> {
    if (names.length === 0) return this.#values;
    return Object.fromEntries(
      names.flatMap((n) => (n in this.#values ? [[n, this.#values[n] ?? '']] : [])),
    );
  }

  /** Sets the given attributes, all or none: one bad value refuses the whole call. */
  set(values: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(values)) checkAttribute(name, value);
    this.#values = { ...this.#values, ...values };
    this.#save();
  }

  #save(): void {
    this.#store.writeMeta(META_KEY, JSON.stringify(this.#values));
  }
}

export function isSenderId(text: string): boolean {
  return SENDER_ID.test(text) && /[A-Za-z]/.test(text);
}

export function isSmsType(text: string): boolean {
  return (SMS_TYPES as readonly string[]).includes(text);
}

function checkAttribute(name: string, value: string) {
  if (name === 'DefaultSenderID' && !isSenderId(value)) {
    throw invalidParameter('DefaultSenderID', `${value} is not a valid sender ID`);
  }
  if (name === 'DefaultSMSType' && !isSmsType(value)) {
    throw invalidParameter('DefaultSMSType', `${value} is not one of ${SMS_TYPES.join(', ')}`);
  }
  if (name === 'DeliveryStatusSuccessSamplingRate' && !/^(100|[1-9]?\d)$/.test(value)) {
    throw invalidParameter(name, 'expected a whole number from 0 to 100');
  }
}
