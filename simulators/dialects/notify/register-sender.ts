import {
  classifySender,
  NOTIFY_SENDER_REASON_TEXT,
  validateNotifySender,
} from '../../../numbering/index.ts';
import type { NotifySenders, SenderKind, SmsSender } from './senders.ts';

export type SenderRegistration =
  | { readonly ok: true; readonly sender: SmsSender }
  | { readonly ok: false; readonly messages: readonly string[] };

/** The most characters Notify lets a sender have. */
const SENDER_LIMIT = 11;

/**
 * Adds a sender the way Notify's admin form does: surrounding spaces go, and a sender that
 * breaks any of Notify's rules is refused with every reason. `truncates` is the
 * `sender-truncated` profile: a text sender that is too long is cut to fit instead.
 */
export function registerSender(
  senders: NotifySenders,
  raw: string,
  truncates: boolean,
): SenderRegistration {
  const text = truncates ? cutToFit(raw.trim()) : raw.trim();

  const verdict = validateNotifySender(text);
  if (!verdict.valid) {
    return { ok: false, messages: verdict.reasons.map((r) => NOTIFY_SENDER_REASON_TEXT[r]) };
  }
  return { ok: true, sender: senders.add(text, kindOf(text)) };
}

/** Only text senders are cut: a number cut short would be another number. */
function cutToFit(text: string): string {
  const characters = [...text];
  if (characters.length <= SENDER_LIMIT || !/\p{L}/u.test(text)) return text;
  return characters.slice(0, SENDER_LIMIT).join('').trimEnd();
}

/** Notify takes some texts the Service Manual's classes do not (`60 000`): they count as text. */
function kindOf(text: string): SenderKind {
  const { kind } = classifySender(text);
  return kind === 'invalid' ? 'alphanumeric' : kind;
}
