import { request } from 'undici';
import { z } from 'zod';
import { HarnessError } from '../core/errors.ts';
import { trusting } from '../providers/http/trusted-agent.ts';

/** Where the simulated Twilio account lives, and what the runner presents to it. */
export interface TwilioAccountAccess {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly trustedCa: readonly string[];
}

const NumberListSchema = z.object({
  incoming_phone_numbers: z.array(z.object({ sid: z.string(), phone_number: z.string() })),
});

/**
 * Points an owned number's `SmsUrl` at `url`, as an account does through Twilio's documented
 * IncomingPhoneNumbers resource: find the number's SID by `PhoneNumber`, then update it. The
 * simulator is the harness's own, so a refusal is a harness error, not the supplier's.
 */
export async function pointTwilioNumberAt(
  access: TwilioAccountAccess,
  number: string,
  url: string,
): Promise<void> {
  const numbers = `${access.baseUrl}/2010-04-01/Accounts/${access.accountSid}/IncomingPhoneNumbers`;
  const listed = await call(
    access,
    'GET',
    `${numbers}.json?PhoneNumber=${encodeURIComponent(number)}`,
  );
  const page = NumberListSchema.safeParse(listed);
  const owned = page.data?.incoming_phone_numbers.find((n) => n.phone_number === number);
  if (!owned) {
    throw new HarnessError(
      'ASSURE_SIMULATOR_CONTROL',
      `the simulated Twilio account does not list its own number ${number}`,
    );
  }

  const form = new URLSearchParams({ SmsUrl: url, SmsMethod: 'POST' }).toString();
  await call(access, 'POST', `${numbers}/${owned.sid}.json`, form);
}

async function call(
  access: TwilioAccountAccess,
  method: 'GET' | 'POST',
  url: string,
  form?: string,
) {
  const basic = Buffer.from(`${access.accountSid}:${access.authToken}`).toString('base64');
  const reply = await request(url, {
    ...trusting(access.trustedCa),
    method,
    headers: {
      authorization: `Basic ${basic}`,
      ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(form === undefined ? {} : { body: form }),
  });
  const body = await reply.body.text();
  if (reply.statusCode >= 300) {
    throw new HarnessError(
      'ASSURE_SIMULATOR_CONTROL',
      `the simulated Twilio refused ${method} ${new URL(url).pathname} ` +
        `(HTTP ${reply.statusCode}): ${body.slice(0, 200)}`,
    );
  }
  return JSON.parse(body) as unknown;
}
