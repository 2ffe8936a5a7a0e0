import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../../core/errors.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import type { CheckContext } from './check.ts';

/** Makes a fictional handset of the simulator text the service's number. */
export async function replyFromHandset(c: CheckContext, from: string, to: string, text: string) {
  const simulator = c.target.simulator;
  if (!simulator) throw new HarnessError('ASSURE_NOT_SIMULATED', 'this target has no handsets');

  const url = `${simulator.controlUrl}/handsets/${encodeURIComponent(e164(from))}/reply`;
  const reply = await request(url, {
    ...trusting(c.target.trustedCa),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to, text }),
  });
  await reply.body.dump();
  if (reply.statusCode >= 300) {
    throw new HarnessError(
      'ASSURE_SIMULATOR_CONTROL',
      `the simulator refused a handset reply (HTTP ${reply.statusCode})`,
    );
  }
}

const InboundSchema = z.object({
  callbacks: z.array(
    z.object({
      receivedAt: z.number(),
      authenticated: z.boolean(),
      inbound: z.object({ id: z.string(), from: z.string(), text: z.string() }).optional(),
    }),
  ),
});

export type ReceivedReply = z.infer<typeof InboundSchema>['callbacks'][number];

/** Waits, within the receipt deadline, for a reply callback whose text contains `token`. */
export async function awaitReplyCallback(
  c: CheckContext,
  token: string,
): Promise<ReceivedReply | undefined> {
  const callback = c.target.callback;
  if (!callback && c.adapter.capabilities.inbound) return awaitInbound(c, token);
  if (!callback) throw new HarnessError('ASSURE_NO_RECEIVER', 'this target has no receiver');
  const deadline = Date.now() + c.target.receiptDeadlineMs;

  for (;;) {
    const reply = await request(`${callback.inspectUrl}?kind=inbound`, {
      ...trusting(c.target.trustedCa),
      headers: { 'x-inspect-token': callback.inspectToken },
    });
    const { callbacks } = InboundSchema.parse(await reply.body.json());
    const found = callbacks.find((r) => r.inbound?.text.includes(token));
    if (found || Date.now() + c.target.pollIntervalMs > deadline) return found;
    await sleep(c.target.pollIntervalMs);
  }
}

/**
 * Where replies reach the adapter itself (SMPP: a deliver_sm on its bound session), waits for
 * one in its received texts. The session was authenticated when it bound.
 */
async function awaitInbound(c: CheckContext, token: string): Promise<ReceivedReply | undefined> {
  const deadline = Date.now() + c.target.receiptDeadlineMs;
  for (;;) {
    const found = (await c.adapter.inbound()).find((t) => t.text.includes(token));
    if (found) {
      const inbound = { id: found.id, from: found.from, text: found.text };
      return { receivedAt: Date.now(), authenticated: true, inbound };
    }
    if (Date.now() + c.target.pollIntervalMs > deadline) return undefined;
    await sleep(c.target.pollIntervalMs);
  }
}

export function e164(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (number.trim().startsWith('+')) return `+${digits}`;
  return digits.startsWith('0') ? `+44${digits.slice(1)}` : `+${digits}`;
}
