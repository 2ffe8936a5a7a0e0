import { setTimeout as sleep } from 'node:timers/promises';
import {
  FINAL_STATUSES,
  type MessageState,
  type ProviderAdapter,
} from '../../providers/contract.ts';
import { maskNumber } from '../../core/redact.ts';
import type { CheckContext } from './check.ts';
import { requireReceipts } from './require-receipts.ts';
import type { TrackedMessage } from './send-tracked.ts';

export type StatusWait =
  | { readonly final: true; readonly state: MessageState; readonly latencyMs: number }
  | { readonly final: false; readonly last?: MessageState; readonly missing: boolean };

/**
 * Polls the status API until the message reaches a final status or the target's receipt
 * deadline passes. A deadline is recorded as a timeout, never read as a pass; a supplier with
 * no receipts at all skips the check.
 */
export async function awaitFinalStatus(
  c: CheckContext,
  sent: TrackedMessage,
  adapter: ProviderAdapter = c.adapter,
): Promise<StatusWait> {
  requireReceipts(c, 'any', adapter);
  const { receiptDeadlineMs, pollIntervalMs } = c.target;
  const { id: messageId, sentAt } = sent;
  const deadline = sentAt + receiptDeadlineMs;
  let last: MessageState | undefined;

  for (;;) {
    last = await adapter.status(messageId);
    if (last && FINAL_STATUSES.has(last.status)) {
      const latencyMs = Date.now() - sentAt;
      c.evidence({
        kind: 'receipt',
        messageId,
        via: 'status-api',
        providerStatus: last.providerStatus,
        status: last.status,
        latencyMs,
      });
      if (last.status === 'permanent-failure') suppress(c, sent, last);
      return { final: true, state: last, latencyMs };
    }
    if (Date.now() + pollIntervalMs > deadline) break;
    await sleep(pollIntervalMs);
  }

  c.evidence({
    kind: 'timeout',
    waitingFor: `a final status for message ${messageId}`,
    deadlineMs: receiptDeadlineMs,
    ...(last ? { lastSeen: last.providerStatus } : { lastSeen: 'not found' }),
  });
  return { final: false, ...(last ? { last } : {}), missing: last === undefined };
}

/** Every permanent failure the run sees goes on the suppression list, whichever check saw it. */
function suppress(c: CheckContext, sent: TrackedMessage, state: MessageState) {
  c.suppress({
    reference: sent.reference,
    messageId: sent.id,
    maskedNumber: maskNumber(sent.to),
    providerStatus: state.providerStatus,
  });
}
