import { ConfigError } from '../../core/errors.ts';
import { analyse } from '../../content/segments.ts';
import type { ResolvedTarget } from '../../core/target.ts';
import type { Dialect } from '../registry.ts';
import { SmppAdapter } from './adapter.ts';

/** SMPP 3.4 allows a password of 8 characters and a system_id of 15. */
const MAX_PASSWORD = 8;
const MAX_SYSTEM_ID = 15;
const SMPP_URL = /^smpps?:\/\/[^/]+:\d+$/;
const BIND_MODES: readonly string[] = ['transceiver', 'transmitter-receiver'];

/**
 * SMPP 3.4, as a supplier's SMSC speaks it. The numbers are the simulator's network's own, in
 * the range reserved for drama; there are no smoke-test numbers, as SMPP has no test mode.
 */
export const smppDialect: Dialect = {
  name: 'smpp',
  displayName: 'SMPP 3.4 SMSC',
  senderIds: 'per-message',

  checkCredentials(target, source) {
    const problems: string[] = [];
    const systemId = target.credentials['systemId'] ?? '';
    const password = target.credentials['password'] ?? '';
    if (!SMPP_URL.test(target.baseUrl)) {
      problems.push(
        `baseUrl: expected smpp://host:port or smpps://host:port, got '${target.baseUrl}'`,
      );
    }
    const { bindMode } = target.options;
    if (bindMode !== undefined && !BIND_MODES.includes(bindMode)) {
      problems.push(`options.bindMode: expected one of ${BIND_MODES.join(', ')}`);
    }
    if (systemId.length === 0 || systemId.length > MAX_SYSTEM_ID) {
      problems.push(`credentials.systemId: expected 1 to ${MAX_SYSTEM_ID} characters`);
    }
    if (password.length > MAX_PASSWORD) {
      problems.push(`credentials.password: SMPP 3.4 allows at most ${MAX_PASSWORD} characters`);
    }
    if (problems.length > 0) throw new ConfigError(source, problems);
  },

  createAdapter(target, _client, context) {
    const { systemType, bindMode, sourceTon, sourceNpi } = target.options;
    return new SmppAdapter({
      endpoint: {
        url: target.baseUrl,
        systemId: target.credentials['systemId'] ?? '',
        password: target.credentials['password'] ?? '',
        ...(systemType ? { systemType } : {}),
        ...(target.trustedCa ? { ca: target.trustedCa } : {}),
      },
      sender: senderOf(target),
      ...(bindMode === 'transmitter-receiver' ? { bindMode } : {}),
      ...(sourceTon ? { sourceTon: Number(sourceTon) } : {}),
      ...(sourceNpi ? { sourceNpi: Number(sourceNpi) } : {}),
      ...(context ? { sink: context.sink, redactor: context.redactor } : {}),
    });
  },

  createCallbackAuthority: () => undefined,

  defaultNumbers: {
    delivered: ['07700900123'],
    temporaryFailure: ['07700900003'],
    permanentFailure: ['07700900002'],
    technicalFailure: ['07700900004'],
    smoke: [],
  },

  defaultReceiptDeadlineMs: 120_000,

  billedSegments: (text) => analyse(text).segments,
};

/** Where texts come from: the target's `sender` or `from` option, else the expected sender. */
export function senderOf(target: ResolvedTarget): string {
  const { options } = target;
  return options['sender'] ?? options['from'] ?? target.sender.expected ?? 'SMSASSURE';
}

export { SmppAdapter } from './adapter.ts';
export { parseReceipt, deliverKind } from './receipt-parser.ts';
