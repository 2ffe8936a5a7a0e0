import { request } from 'undici';
import type { StartedSimulator } from '../index.ts';

export interface VonageReply {
  readonly status: number;
  readonly json: { 'message-count': string; messages: Record<string, string>[] };
}

/**
 * A send in the SMS API's documented form: form fields, the key and secret among them. `form`
 * adds or overrides fields; a field set to undefined is left out.
 */
export async function sendForm(
  simulator: StartedSimulator,
  form: Record<string, string | undefined>,
): Promise<VonageReply> {
  const fields = {
    api_key: simulator.vonage.apiKey,
    api_secret: simulator.vonage.apiSecret,
    from: simulator.vonage.from,
    text: 'Hello',
    ...form,
  };
  const defined = Object.entries(fields).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const reply = await request(`${simulator.baseUrl}/sms/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(defined).toString(),
  });
  return { status: reply.statusCode, json: (await reply.body.json()) as VonageReply['json'] };
}

/** Sets the account's default receipt URL, as its dashboard would. */
export async function setAccountCallback(
  simulator: StartedSimulator,
  url: string,
  format: 'POST-JSON' | 'POST' = 'POST-JSON',
): Promise<number> {
  const reply = await request(`${simulator.controlUrl}/vonage/callback`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url, format }),
  });
  await reply.body.dump();
  return reply.statusCode;
}
