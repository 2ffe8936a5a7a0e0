import { request } from 'undici';
import type { StartedSimulator } from '../index.ts';

export interface TwilioReply {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

/** A raw call to the simulated Twilio API under the account's live credentials (or others). */
export async function twilioCall(
  simulator: StartedSimulator,
  method: 'GET' | 'POST',
  path: string,
  options: { form?: Record<string, string>; auth?: readonly [string, string] } = {},
): Promise<TwilioReply> {
  const [user, password] = options.auth ?? [
    simulator.twilio.accountSid,
    simulator.twilio.authToken,
  ];
  const reply = await request(`${simulator.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      ...(options.form && { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(options.form && { body: new URLSearchParams(options.form).toString() }),
  });
  return { status: reply.statusCode, json: (await reply.body.json()) as Record<string, unknown> };
}

export function messagesPath(
  simulator: StartedSimulator,
  accountSid = simulator.twilio.accountSid,
) {
  return `/2010-04-01/Accounts/${accountSid}/Messages`;
}

/** Sends from the account's default sender; `form` adds or overrides fields. */
export function sendText(simulator: StartedSimulator, form: Record<string, string>) {
  return twilioCall(simulator, 'POST', `${messagesPath(simulator)}.json`, {
    form: { From: simulator.twilio.from, Body: 'Hello', ...form },
  });
}
