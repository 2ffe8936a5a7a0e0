import { request } from 'undici';
import { HarnessError, ProviderResponseError } from '../../core/errors.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import type { CheckContext } from './check.ts';
import { awaitSettled } from './receipt-channel.ts';
import { handsetInbox } from './handset.ts';
import { first, sendTracked } from './send-tracked.ts';

export type SenderRegistration =
  | { readonly accepted: true; readonly text: string }
  /** `status`: the HTTP status, where the refusal was an answer to a request. */
  | { readonly accepted: false; readonly status?: number };

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

/**
 * Where each message names its own sender (SMPP's source_addr), the send itself is the trial:
 * a supplier that refuses the sender refuses the message; one that takes it shows the handset
 * what it made of it.
 */
export async function sendFromSender(c: CheckContext, text: string): Promise<SenderRegistration> {
  try {
    const sent = await sendTracked(c, first(c.target.numbers.delivered, 'delivered'), 'sid', text);
    c.note(`a text from sender "${text}" was accepted as message ${sent.id}`);
    const settled = await awaitSettled(c, sent);
    const shown = (await handsetInbox(c, sent.to)).find((m) => m.body === sent.body);
    // A gateway (Kannel) takes the text and its SMSC refuses it after: the receipt says so and
    // no handset sees it. A refusal told late is still a refusal.
    if (!shown && settled.final && settled.state.status !== 'delivered') {
      c.note(`then refused: its receipt says ${settled.state.providerStatus}`);
      return { accepted: false };
    }
    return { accepted: true, text: shown?.from ?? text };
  } catch (error) {
    if (!(error instanceof ProviderResponseError)) throw error;
    c.note(`a text from sender "${text}" was refused: ${error.message}`);
    return { accepted: false, status: 400 };
  }
}
