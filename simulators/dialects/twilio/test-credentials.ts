import { invalidParameter, type TwilioApiError } from './errors.ts';

/** The one `From` that test credentials accept (Twilio docs, "Test credentials"). */
export const TEST_FROM = '+15005550006';

/** Magic `From` numbers and the error each gives with test credentials. */
const FROM_ERRORS: Readonly<Record<string, (from: string) => TwilioApiError>> = {
  '+15005550001': (from) => invalidParameter(21212, `The 'From' number ${from} is not valid`),
  '+15005550007': notOwned,
  '+15005550008': () =>
    invalidParameter(
      21611,
      "This 'From' number has exceeded the maximum number of queued messages",
    ),
};

/** Magic `To` numbers and the error each gives with test credentials. */
const TO_ERRORS: Readonly<Record<string, (to: string) => TwilioApiError>> = {
  '+15005550001': (to) =>
    invalidParameter(21211, `The 'To' number ${to} is not a valid phone number`),
  '+15005550002': (to) =>
    invalidParameter(21612, `The 'To' phone number: ${to}, is not currently reachable`),
  '+15005550003': (to) =>
    invalidParameter(
      21408,
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' ` +
        `number: ${to}`,
    ),
  '+15005550004': () => invalidParameter(21610, 'Attempt to send to unsubscribed recipient'),
  '+15005550009': (to) => invalidParameter(21614, `'To' number ${to} is not a valid mobile number`),
};

/** The magic block: with test credentials these are answered, never validated as real numbers. */
const MAGIC = /^\+1500555\d{4}$/;

export function isMagicNumber(number: string): boolean {
  return MAGIC.test(number);
}

/**
 * What test credentials do with a send, checked `From` first: any `From` but the one valid
 * magic number is refused, so the `To` errors are reachable only from it.
 */
export function testCredentialError(from: string, to: string): TwilioApiError | undefined {
  const fromError = FROM_ERRORS[from];
  if (fromError) return fromError(from);
  if (from !== TEST_FROM) return notOwned(from);
  return TO_ERRORS[to]?.(to);
}

export function notOwned(from: string): TwilioApiError {
  return invalidParameter(
    21606,
    `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short ` +
      'code for your account.',
  );
}
