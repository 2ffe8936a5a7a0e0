import { request } from 'undici';
import { HarnessError } from '../../core/errors.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import type { CheckContext } from './check.ts';

export type SenderRegistration =
  | { readonly accepted: true; readonly text: string }
  | { readonly accepted: false; readonly status: number };

/** Asks the simulated supplier to set up a sender, as a service would in its admin pages. */
export async function registerSender(c: CheckContext, text: string): Promise<SenderRegistration> {
  const simulator = c.target.simulator;
  if (!simulator) throw new HarnessError('ASSURE_NOT_SIMULATED', 'this target has no admin API');

  // Each dialect sets up senders its own way, under its own control route.
  const reply = await request(`${simulator.controlUrl}/${c.target.dialect}/senders`, {
    ...trusting(c.target.trustedCa),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  const body = (await reply.body.json()) as { text?: unknown };
  c.note(`registering sender "${text}": HTTP ${reply.statusCode} ${JSON.stringify(body)}`);

  if (reply.statusCode >= 400) return { accepted: false, status: reply.statusCode };
  return { accepted: true, text: typeof body.text === 'string' ? body.text : '' };
}
