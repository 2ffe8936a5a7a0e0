import { setTimeout as sleep } from 'node:timers/promises';
import { awaitFinalStatus, type StatusWait } from './await-status.ts';
import type { CheckContext } from './check.ts';
import { handsetInbox } from './handset.ts';
import type { TrackedMessage } from './send-tracked.ts';

/**
 * Waits until a text has settled, before its handset is read: its final status where the
 * supplier reports one; otherwise, on a simulator, until the handset shows it (by id) or the
 * receipt deadline passes. The wait judges nothing.
 */
export async function awaitSettled(c: CheckContext, sent: TrackedMessage): Promise<StatusWait> {
  if (c.adapter.capabilities.receipts.length > 0) return awaitFinalStatus(c, sent);
  if (!c.target.simulator) return { final: false, missing: false };

  const deadline = sent.sentAt + c.target.receiptDeadlineMs;
  for (;;) {
    const shown = (await handsetInbox(c, sent.to)).some((m) => m.id === sent.id);
    if (shown || Date.now() + c.target.pollIntervalMs > deadline) break;
    await sleep(c.target.pollIntervalMs);
  }
  return { final: false, missing: false };
}
