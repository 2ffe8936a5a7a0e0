import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../../core/errors.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import { FINAL_STATUSES } from '../../providers/contract.ts';
import type { CheckContext } from './check.ts';

const ReceivedSchema = z.object({
  callbacks: z.array(
    z.object({
      receivedAt: z.number(),
      authenticated: z.boolean(),
      overTls: z.boolean().optional(),
      rejection: z.object({ code: z.string(), reason: z.string() }).optional(),
      receipt: z
        .object({
          messageId: z.string(),
          status: z.enum([...FINAL_STATUSES, 'accepted', 'sending']),
          providerStatus: z.string(),
        })
        .optional(),
    }),
  ),
});

export type ReceivedCallback = z.infer<typeof ReceivedSchema>['callbacks'][number];

/**
 * Waits until the harness's receiver has a callback carrying a final status for the message,
 * or the receipt deadline passes. Returns every callback that arrived for it.
 */
export async function awaitCallbacks(
  c: CheckContext,
  messageId: string,
  sentAt: number,
): Promise<ReceivedCallback[]> {
  const deadline = sentAt + c.target.receiptDeadlineMs;

  for (;;) {
    const received = await readReceived(c, messageId);
    const final = received.find((r) => r.receipt && FINAL_STATUSES.has(r.receipt.status));
    if (final || Date.now() + c.target.pollIntervalMs > deadline) return received;
    await sleep(c.target.pollIntervalMs);
  }
}

/** The receipt callbacks the receiver took for the target: all of them, or one message's. */
export async function readReceived(
  c: CheckContext,
  messageId?: string,
): Promise<ReceivedCallback[]> {
  const callback = c.target.callback;
  if (!callback) throw new HarnessError('ASSURE_NO_RECEIVER', 'this target has no receiver');

  const query = messageId === undefined ? '' : `?messageId=${encodeURIComponent(messageId)}`;
  const url = `${callback.inspectUrl}${query}`;
  try {
    const reply = await request(url, {
      ...trusting(c.target.trustedCa),
      headers: { 'x-inspect-token': callback.inspectToken },
    });
    return ReceivedSchema.parse(await reply.body.json()).callbacks;
  } catch (error) {
    throw new HarnessError('ASSURE_RECEIVER_UNREADABLE', `cannot read the callback receiver`, {
      cause: error,
    });
  }
}
