import { randomBytes } from 'node:crypto';
import type { ResolvedTarget } from '../core/target.ts';
import type { ResolveOptions } from './resolve-targets.ts';

/**
 * Where the receiver takes a target's callbacks, for a dialect that names its callback URL with
 * each message. The receiver listens on loopback only: a supplier elsewhere reaches it through
 * a relay the team runs, and without one its receipts never come.
 */
export function receiverCallback(
  name: string,
  options: ResolveOptions,
): NonNullable<ResolvedTarget['callback']> {
  const url = `${options.receiver.baseUrl}/callbacks/${name}`;
  return {
    url,
    inboundUrl: `${url}/inbound`,
    inspectUrl: `${options.receiver.baseUrl}/inspect/${name}`,
    inspectToken: options.receiver.inspectToken,
    bearerToken: randomBytes(24).toString('base64url'),
  };
}
