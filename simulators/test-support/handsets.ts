import type { HandsetInbox, StartedSimulator } from '../index.ts';
import { call, type Reply } from './notify-http.ts';

/** A fictional handset texts `to`, through the control API. */
export async function replyFrom(
  simulator: StartedSimulator,
  handset: string,
  to: string,
  text: string,
): Promise<Reply> {
  const path = `/_sim/handsets/${encodeURIComponent(handset)}/reply`;
  return call(simulator, 'POST', path, { body: { to, text } });
}

/** What the handset shows now. */
export async function inboxOf(simulator: StartedSimulator, number: string): Promise<HandsetInbox> {
  const reply = await call(simulator, 'GET', `/_sim/handsets/${encodeURIComponent(number)}`);
  return reply.json as HandsetInbox;
}

/** The shown senders of everything on the handset, oldest first. */
export async function sendersShown(simulator: StartedSimulator, number: string): Promise<string[]> {
  return (await inboxOf(simulator, number)).messages.map((m) => m.from);
}
