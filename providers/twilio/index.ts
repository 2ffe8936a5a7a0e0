import { analyse } from '../../content/segments.ts';
import { ConfigError } from '../../core/errors.ts';
import { configuredFrom, DRAMA_OUTCOME_NUMBERS } from '../drama-outcomes.ts';
import type { Dialect } from '../registry.ts';
import { TwilioAdapter } from './adapter.ts';
import { TwilioCallbackAuthority } from './callback-authority.ts';
import { readTwilioAuth } from './credentials.ts';

/**
 * Twilio Programmable Messaging. Its test credentials take only magic numbers, answered at the
 * send, so the outcome numbers below are for live credentials: on the simulator they sit in the
 * drama range, whose networks fail `…002` permanently and `…003` temporarily.
 */
export const twilioDialect: Dialect = {
  name: 'twilio',
  displayName: 'Twilio Programmable Messaging',
  callbackUrls: 'per-message',

  checkCredentials(target, source) {
    readTwilioAuth(target.credentials, source);
    if (!configuredFrom(target)) {
      throw new ConfigError(source, [
        'options.from: a Twilio target needs a sender (a number the account owns, or an ' +
          'alphanumeric sender ID), or sender.expected',
      ]);
    }
  },

  createAdapter(target, client) {
    return new TwilioAdapter({
      baseUrl: target.baseUrl,
      auth: readTwilioAuth(target.credentials, `target ${target.name}`),
      from: configuredFrom(target),
      ...(target.callback ? { statusCallback: target.callback.url } : {}),
      ...(target.sender.replies ? { inboundNumber: target.sender.replies.shown } : {}),
      client,
    });
  },

  createCallbackAuthority(target) {
    if (!target.callback) return undefined;
    const auth = readTwilioAuth(target.credentials, `target ${target.name}`);
    return new TwilioCallbackAuthority(auth, target.callback.url);
  },

  defaultNumbers: DRAMA_OUTCOME_NUMBERS,

  defaultReceiptDeadlineMs: 120_000,

  // Twilio bills the segments the text travels in: GSM-7 153 a part, UCS-2 67.
  billedSegments: (text) => analyse(text).segments,
};

export { TwilioAdapter } from './adapter.ts';
export { TwilioCallbackAuthority } from './callback-authority.ts';
