import {
  NOTIFY_CHARACTER_LIMIT,
  notifyFragments,
  type NotifyFragments,
} from '../../../content/notify-fragments.ts';

/**
 * Notify's length rules for a text, by Notify's own counting (`content/notify-fragments.ts`): a
 * limit of 918 characters after sanitising, and fragments of 160/153 GSM characters or 70/67
 * when Welsh letters outside GSM force UCS-2. Anything else outside GSM becomes `?`, so each
 * counts once.
 */
export const SMS_CHAR_COUNT_LIMIT = NOTIFY_CHARACTER_LIMIT;

/** Everything Notify counts about a text, in one pass; `sanitised` is what the handset gets. */
export function measure(body: string): NotifyFragments {
  return notifyFragments(body);
}

export function characterCount(body: string): number {
  return measure(body).characters;
}

export function fragmentCount(body: string): number {
  return measure(body).fragments;
}
