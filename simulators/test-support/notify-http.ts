import { SignJWT } from 'jose';
import { request } from 'undici';
import { vi } from 'vitest';
import { trusting } from '../../providers/http/trusted-agent.ts';
import type { StartedSimulator } from '../index.ts';

/** The parts of a Notify API key string: `{name}-{serviceId}-{secret}`. */
export function splitKey(apiKey: string): { serviceId: string; secret: string } {
  return { serviceId: apiKey.slice(-73, -37), secret: apiKey.slice(-36) };
}

/** A token as Notify's clients make it: HS256, claims `iss` and `iat` only. */
export async function notifyToken(apiKey: string, iatOffsetS = 0): Promise<string> {
  const { serviceId, secret } = splitKey(apiKey);
  return new SignJWT({ iss: serviceId, iat: Math.floor(Date.now() / 1000) + iatOffsetS })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: unknown;
}

/** A raw call to the simulator, with a chosen Authorization header (or none). */
export async function call(
  simulator: StartedSimulator,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { authorization?: string; body?: string | object } = {},
): Promise<Reply> {
  const { authorization, body } = options;
  const reply = await request(`${simulator.baseUrl}${path}`, {
    ...trusting(simulator.ca ? [simulator.ca] : undefined),
    method,
    headers: {
      ...(authorization !== undefined && { authorization }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await reply.body.text();
  return { status: reply.statusCode, headers: reply.headers, text, json: parseOrUndefined(text) };
}

/** A call authenticated with a fresh token for `apiKey`. */
export async function callAs(
  simulator: StartedSimulator,
  apiKey: string,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<Reply> {
  const authorization = `Bearer ${await notifyToken(apiKey)}`;
  return call(simulator, method, path, { authorization, ...(body !== undefined && { body }) });
}

/** Sends a text through the raw API; the body is the template's `((body))`. */
export async function sendText(
  simulator: StartedSimulator,
  apiKey: string,
  phoneNumber: string,
  extra: Record<string, unknown> = {},
): Promise<Reply> {
  return callAs(simulator, apiKey, 'POST', '/v2/notifications/sms', {
    phone_number: phoneNumber,
    template_id: simulator.notify.templateId,
    personalisation: { body: 'Your appointment is on Monday at 10:00' },
    ...extra,
  });
}

/** The message's status once it has a final one (polls; never asserts on time). */
export async function finalStatus(
  simulator: StartedSimulator,
  apiKey: string,
  id: string,
): Promise<string> {
  return vi.waitFor(
    async () => {
      const reply = await callAs(simulator, apiKey, 'GET', `/v2/notifications/${id}`);
      const status = (reply.json as { status?: string }).status ?? '';
      if (status === 'created' || status === 'sending' || status === '') {
        throw new Error(`still ${status || reply.status}`);
      }
      return status;
    },
    { timeout: 10_000, interval: 10 },
  );
}

/** Waits until the simulator has no pending work left (transitions, callback attempts). */
export async function settled(simulator: StartedSimulator): Promise<void> {
  await vi.waitFor(
    async () => {
      const reply = await call(simulator, 'GET', '/_sim/health');
      const pending = (reply.json as { pendingWork: number }).pendingWork;
      if (pending !== 0) throw new Error(`${pending} items of work pending`);
    },
    { timeout: 10_000, interval: 10 },
  );
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
