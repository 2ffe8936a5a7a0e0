import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../../core/errors.ts';
import { retryOnClosedSocket } from '../../providers/http/closed-socket-retry.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import type { CheckContext } from './check.ts';
import { e164 } from './handset-reply.ts';

const InboxSchema = z.object({
  messages: z.array(z.object({ id: z.string(), from: z.string(), body: z.string() })),
});

export type HandsetMessage = z.infer<typeof InboxSchema>['messages'][number];

/**
 * What a fictional handset of the simulator received. Only a simulated target has handsets;
 * for a real one the caller must not ask.
 */
export async function handsetInbox(c: CheckContext, number: string): Promise<HandsetMessage[]> {
  const simulator = c.target.simulator;
  if (!simulator) throw new HarnessError('ASSURE_NOT_SIMULATED', 'this target has no handsets');
  return inboxAt(simulator.controlUrl, number, c.target.trustedCa);
}

/**
 * The inbox of a handset of the simulator whose control API is at `controlUrl`, served under
 * one of the authorities `ca`.
 */
export async function inboxAt(
  controlUrl: string,
  number: string,
  ca?: readonly string[],
): Promise<HandsetMessage[]> {
  const url = `${controlUrl}/handsets/${encodeURIComponent(e164(number))}`;
  try {
    const reply = await retryOnClosedSocket(() => request(url, trusting(ca)));
    return InboxSchema.parse(await reply.body.json()).messages;
  } catch (error) {
    throw new HarnessError('ASSURE_SIMULATOR_CONTROL', 'cannot read the simulator handset inbox', {
      cause: error,
    });
  }
}
