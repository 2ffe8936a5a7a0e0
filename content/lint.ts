import { adviseOn } from './character-advice.ts';
import type { Finding } from './finding.ts';
import { findLinks } from './links.ts';
import {
  NOTIFY_CHARACTER_LIMIT,
  notifyFragments,
  type NotifyFragments,
} from './notify-fragments.ts';
import { findPersonalData, type PersonalDataKind } from './personal-data.ts';
import { analyse, type SegmentAnalysis } from './segments.ts';

/** GOV.UK Notify's price per fragment from 1 April 2026 (£0.024), a fair UK figure. */
export const DEFAULT_RATE_PER_SEGMENT_PENCE = 2.4;

export interface LintOptions {
  /** The service's name; when given, a text that does not mention it is a finding. */
  readonly serviceName?: string;
  /** @default 2.4 (DEFAULT_RATE_PER_SEGMENT_PENCE) */
  readonly ratePerSegmentPence?: number;
  /** More segments than this is a warning. @default 3 */
  readonly maxSegments?: number;
}

export interface LintResult {
  readonly analysis: SegmentAnalysis;
  /** How GOV.UK Notify would count the same text (it sanitises first). */
  readonly notify: NotifyFragments;
  /** Segments times the rate: what an aggregator billing per SMS part charges. */
  readonly costPence: number;
  readonly findings: readonly Finding[];
}

/**
 * Checks a message against CONT-01: clear and cheap to send. Findings cover length, characters
 * that force UCS-2, links, whether the sender is named, and personal data.
 *
 * @example lintMessage('Your code is 1234', { serviceName: 'Renew a licence' })
 */
export function lintMessage(text: string, options: LintOptions = {}): LintResult {
  const analysis = analyse(text);
  const notify = notifyFragments(text);
  const rate = options.ratePerSegmentPence ?? DEFAULT_RATE_PER_SEGMENT_PENCE;

  const findings = [
    ...lengthFindings(text, analysis, notify, options.maxSegments ?? 3),
    ...encodingFindings(text, analysis),
    ...linkFindings(text),
    ...senderFindings(text, options.serviceName),
    ...personalDataFindings(text),
  ];

  return { analysis, notify, costPence: roundPence(analysis.segments * rate), findings };
}

function lengthFindings(
  text: string,
  analysis: SegmentAnalysis,
  notify: NotifyFragments,
  maxSegments: number,
): Finding[] {
  if (text.trim() === '') {
    const message =
      'The message is empty, so it tells the recipient nothing yet still costs a text.';
    return [{ code: 'empty_message', severity: 'fail', message }];
  }

  const findings: Finding[] = [];
  if (analysis.segments > maxSegments) {
    findings.push({
      code: 'too_many_segments',
      severity: 'warn',
      message:
        `The message takes ${analysis.segments} segments (more than ${maxSegments}), so it costs ` +
        `${analysis.segments} times a single text and is long to read on a phone.`,
    });
  }
  if (notify.characters > NOTIFY_CHARACTER_LIMIT) {
    findings.push({
      code: 'too_long_for_notify',
      severity: 'fail',
      message:
        `The message has ${notify.characters} characters after sanitising, over GOV.UK ` +
        `Notify's limit of ${NOTIFY_CHARACTER_LIMIT}, so Notify will refuse to send it.`,
    });
  }
  return findings;
}

/** One finding per distinct character that keeps the text out of GSM-7. */
function encodingFindings(text: string, analysis: SegmentAnalysis): Finding[] {
  return analysis.charsForcingUcs2.map((char) => ucs2Finding(char, text.indexOf(char)));
}

function ucs2Finding(char: string, at: number): Finding {
  const advice = adviseOn(char);
  const shown = advice.kind === 'space' || advice.kind === 'invisible' ? '' : ` ${char}`;
  const what = `The ${advice.label}${shown} (${codePoint(char)})`;
  const why = 'makes the whole message UCS-2, which fits 70 characters a segment, not 160';
  const finding = { code: 'forces_ucs2', severity: 'warn', at, text: char } as const;

  if (advice.replacement !== undefined) {
    const message = `${what} ${why}; ${insteadOf(advice.replacement)}.`;
    return { ...finding, message, replacement: advice.replacement };
  }

  const otherwise =
    advice.kind === 'welsh-letter'
      ? 'Notify keeps Welsh letters, so keep it only if the message is in Welsh'
      : 'no GSM-7 character stands in for it, so leave it out if you can';
  return { ...finding, message: `${what} ${why}; ${otherwise}.` };
}

function linkFindings(text: string): Finding[] {
  return findLinks(text).map((link): Finding => {
    if (link.shortener) {
      return {
        code: 'link_shortener',
        severity: 'fail',
        at: link.at,
        text: link.text,
        message:
          `The link ${link.text} goes through the shortener ${link.host}, which hides where it ` +
          'leads, so recipients cannot tell it from phishing; give the full address instead.',
      };
    }
    return {
      code: 'contains_link',
      severity: 'warn',
      at: link.at,
      text: link.text,
      message:
        `The link ${link.text} asks recipients to trust a link in a text, which is how phishing ` +
        "works; keep it only if it is the service's own well-known address, such as on GOV.UK.",
    };
  });
}

function senderFindings(text: string, serviceName: string | undefined): Finding[] {
  const name = serviceName?.trim() ?? '';
  if (name === '' || text.toLowerCase().includes(name.toLowerCase())) return [];

  const message =
    `The message does not name the service "${name}", so recipients cannot tell who sent it; ` +
    "start with the name or turn on Notify's service-name prefix.";
  return [{ code: 'missing_service_name', severity: 'warn', message }];
}

const PERSONAL_DATA: Readonly<Record<PersonalDataKind, Omit<Finding, 'at'>>> = {
  phone_number: {
    code: 'contains_phone_number',
    severity: 'warn',
    message:
      'The message holds a full UK mobile number, which is personal data unless it is the ' +
      "service's own, and texts are neither private nor secure.",
  },
  email_address: {
    code: 'contains_email_address',
    severity: 'warn',
    message:
      "The message holds an email address, which is personal data unless it is the service's " +
      'own, and texts are neither private nor secure.',
  },
  ni_number: {
    code: 'contains_ni_number',
    severity: 'fail',
    message:
      'The message holds what looks like a National Insurance number, which must not be sent ' +
      'in a text because texts show on lock screens and are not encrypted on the phone.',
  },
  card_number: {
    code: 'contains_card_number',
    severity: 'fail',
    message:
      'The message holds a 16-digit number shaped like a payment card number, which must never ' +
      'be sent in a text because texts show on lock screens and are not encrypted on the phone.',
  },
};

function personalDataFindings(text: string): Finding[] {
  return findPersonalData(text).map(({ kind, at }) => ({ ...PERSONAL_DATA[kind], at }));
}

function insteadOf(replacement: string): string {
  if (replacement === '') return 'delete it';
  if (replacement === ' ') return 'use a plain space instead';
  return `use ${replacement} instead`;
}

function codePoint(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}`;
}

/** To a hundredth of a penny, so that 3 × 2.4 reads 7.2 and not 7.199999999999999. */
function roundPence(pence: number): number {
  return Math.round(pence * 100) / 100;
}
