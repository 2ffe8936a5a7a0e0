import { analyse } from '../../content/segments.ts';
import { ConfigError } from '../../core/errors.ts';
import type { ResolvedTarget } from '../../core/target.ts';
import { DRAMA_OUTCOME_NUMBERS } from '../drama-outcomes.ts';
import type { Dialect } from '../registry.ts';
import { SnsAdapter } from './adapter.ts';
import { readSnsAuth } from './credentials.ts';

/**
 * AWS SNS, publishing straight to phone numbers. It has no callbacks, so no callback authority;
 * each text names its own sender ID (`AWS.SNS.SMS.SenderID`), so a sender is tried by sending.
 * The outcome numbers are the simulator's drama-range ones; SNS itself would only say each was
 * published.
 */
export const snsDialect: Dialect = {
  name: 'sns',
  displayName: 'AWS SNS',
  callbackUrls: 'per-message',
  senderIds: 'per-message',

  checkCredentials(target, source) {
    readSnsAuth(target.credentials, source);
    const problems: string[] = [];
    if (!target.baseUrl) {
      problems.push(
        'baseUrl: an SNS target needs its endpoint, e.g. https://sns.eu-west-2.amazonaws.com',
      );
    }
    if (!regionOf(target)) {
      problems.push('options.region: an SNS target needs its AWS region, e.g. eu-west-2');
    }
    if (problems.length > 0) throw new ConfigError(source, problems);
  },

  createAdapter(target, client) {
    const senderId = target.options['senderId'] ?? target.sender.expected;
    const smsType = target.options['smsType'];
    return new SnsAdapter({
      baseUrl: target.baseUrl,
      region: regionOf(target),
      auth: readSnsAuth(target.credentials, `target ${target.name}`),
      ...(senderId ? { senderId } : {}),
      ...(smsType === 'Promotional' || smsType === 'Transactional' ? { smsType } : {}),
      client,
    });
  },

  createCallbackAuthority: () => undefined,

  defaultNumbers: DRAMA_OUTCOME_NUMBERS,

  defaultReceiptDeadlineMs: 120_000,

  // SNS splits by the usual GSM-7 and UCS-2 part sizes (140 bytes a part).
  billedSegments: (text) => analyse(text).segments,
};

function regionOf(target: ResolvedTarget): string {
  return target.options['region'] ?? '';
}

export { SnsAdapter } from './adapter.ts';
