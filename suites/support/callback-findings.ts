import type { ReceivedCallback } from './await-callback.ts';
import type { CheckContext } from './check.ts';

/** RCPT-03: a callback the receiver could not authenticate could have come from anyone. */
export function findUnauthenticated(c: CheckContext, received: readonly ReceivedCallback[]) {
  const unauthenticated = received.filter((r) => !r.authenticated);
  if (unauthenticated.length === 0) return;

  c.finding({
    code: 'callback_unauthenticated',
    requirement: 'RCPT-03',
    severity: 'high',
    message: 'a receipt callback carried no valid credentials, so it could be forged',
    expected: 'the configured credentials',
    actual: unauthenticated[0]?.rejection?.reason ?? 'rejected',
  });
}
