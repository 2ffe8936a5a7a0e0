import { notifyFragments } from '../../content/notify-fragments.ts';
import type { Dialect } from '../registry.ts';
import { NotifyAdapter } from './adapter.ts';
import { parseNotifyKey } from './api-key.ts';
import { NotifyCallbackAuthority } from './callback-authority.ts';

/**
 * GOV.UK Notify. The test-key outcome numbers and smoke-test numbers are Notify's documented
 * ones; all lie in the range reserved for drama.
 */
export const notifyDialect: Dialect = {
  name: 'notify',
  displayName: 'GOV.UK Notify',

  checkCredentials(target, source) {
    parseNotifyKey(target.credentials['apiKey'] ?? '', source);
  },

  createAdapter(target, client) {
    const apiKey = target.credentials['apiKey'] ?? '';
    const templateId = target.options['templateId'] ?? '';
    const smsSenderId = target.options['smsSenderId'];
    return new NotifyAdapter({
      baseUrl: target.baseUrl,
      key: parseNotifyKey(apiKey, `target ${target.name}`),
      templateId,
      ...(smsSenderId ? { smsSenderId } : {}),
      client,
    });
  },

  createCallbackAuthority(target) {
    return target.callback ? new NotifyCallbackAuthority(target.callback.bearerToken) : undefined;
  },

  defaultNumbers: {
    delivered: ['07700900001', '07700900123'],
    temporaryFailure: ['07700900003'],
    permanentFailure: ['07700900002'],
    // Notify's test keys offer no number that fails technically.
    technicalFailure: [],
    smoke: ['07700900000', '07700900111', '07700900222'],
  },

  defaultReceiptDeadlineMs: 120_000,

  billedSegments: (text) => notifyFragments(text).fragments,
};

export { NotifyAdapter } from './adapter.ts';
export { NotifyCallbackAuthority } from './callback-authority.ts';
