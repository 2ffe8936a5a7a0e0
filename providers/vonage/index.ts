import { analyse } from '../../content/segments.ts';
import { ConfigError } from '../../core/errors.ts';
import { configuredFrom, DRAMA_OUTCOME_NUMBERS } from '../drama-outcomes.ts';
import type { Dialect } from '../registry.ts';
import { VonageAdapter } from './adapter.ts';
import { VonageCallbackAuthority } from './callback-authority.ts';
import { readVonageAuth } from './credentials.ts';
import { ReceiptLedger } from './receipt-ledger.ts';

/**
 * Vonage's SMS API. Each send names its sender (`from`) and its receipt URL (`callback`); the
 * receipts, signed under the account's signature secret, are the only word on a text's fate.
 * It has no test credentials. The outcome numbers are for the simulator's drama range, whose
 * networks fail `…002` permanently and `…003` temporarily.
 */
export const vonageDialect: Dialect = {
  name: 'vonage',
  displayName: 'Vonage SMS API',
  callbackUrls: 'per-message',
  senderIds: 'per-message',

  checkCredentials(target, source) {
    readVonageAuth(target, source);
    if (!configuredFrom(target)) {
      throw new ConfigError(source, [
        'options.from: a Vonage target needs a sender (a number the account owns, or an ' +
          'alphanumeric sender ID), or sender.expected',
      ]);
    }
  },

  createAdapter(target, client) {
    const auth = readVonageAuth(target, `target ${target.name}`);
    const { callback } = target;
    return new VonageAdapter({
      baseUrl: target.baseUrl,
      apiKey: auth.apiKey,
      apiSecret: auth.apiSecret,
      from: configuredFrom(target),
      ...(callback
        ? {
            callbackUrl: callback.url,
            receipts: new ReceiptLedger({ ...callback, trustedCa: target.trustedCa }),
            receiptWaitMs: target.receiptDeadlineMs,
          }
        : {}),
      client,
    });
  },

  createCallbackAuthority(target) {
    if (!target.callback) return undefined;
    const { signatureSecret, signatureMethod } = readVonageAuth(target, `target ${target.name}`);
    return new VonageCallbackAuthority({ signatureSecret, signatureMethod });
  },

  defaultNumbers: DRAMA_OUTCOME_NUMBERS,

  defaultReceiptDeadlineMs: 120_000,

  // Vonage bills the parts the text travels in: GSM-7 153 a part, UCS-2 67.
  billedSegments: (text) => analyse(text).segments,
};

export { VonageAdapter } from './adapter.ts';
export { VonageCallbackAuthority } from './callback-authority.ts';
