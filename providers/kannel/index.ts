import { ConfigError } from '../../core/errors.ts';
import type { Dialect } from '../registry.ts';
import { senderOf, smppDialect } from '../smpp/index.ts';
import { KannelAdapter } from './adapter.ts';
import { RemoteDlrChannel } from './dlr-listener.ts';

/**
 * Kannel, an open-source SMS gateway, driven over its HTTP sendsms interface. Behind it is an
 * SMSC (the simulator's), so the numbers and segment counts are SMPP's.
 */
export const kannelDialect: Dialect = {
  name: 'kannel',
  displayName: 'Kannel',
  senderIds: 'per-message',

  checkCredentials(target, source) {
    const problems: string[] = [];
    if (!/^https?:\/\/[^/]+$/.test(target.baseUrl)) {
      problems.push(`baseUrl: expected smsbox's sendsms address, got '${target.baseUrl}'`);
    }
    for (const field of ['password', 'dlrToken']) {
      if (!target.credentials[field]) problems.push(`credentials.${field}: required`);
    }
    for (const field of ['username', 'dlrBaseUrl']) {
      if (!target.options[field]) problems.push(`options.${field}: required`);
    }
    if (problems.length > 0) throw new ConfigError(source, problems);
  },

  createAdapter(target, client) {
    return new KannelAdapter({
      sendsmsUrl: target.baseUrl,
      username: target.options['username'] ?? '',
      password: target.credentials['password'] ?? '',
      sender: senderOf(target),
      client,
      dlr: new RemoteDlrChannel({
        baseUrl: target.options['dlrBaseUrl'] ?? '',
        token: target.credentials['dlrToken'] ?? '',
        ...(target.options['dlrPublicUrl'] ? { publicUrl: target.options['dlrPublicUrl'] } : {}),
      }),
    });
  },

  createCallbackAuthority: () => undefined,

  defaultNumbers: smppDialect.defaultNumbers,
  defaultReceiptDeadlineMs: smppDialect.defaultReceiptDeadlineMs,
  billedSegments: smppDialect.billedSegments,
};

export { KannelAdapter } from './adapter.ts';
export { KannelDlrListener } from './dlr-listener.ts';
