import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { openStoredAccount } from '../../aggregator/stored-account.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';

const AccountSchema = z.object({
  accountSid: z.string(),
  authToken: z.string(),
  testAccountSid: z.string(),
  testAuthToken: z.string(),
});

/**
 * The simulated Twilio account: its SID and Auth Token, and the separate test credentials
 * Twilio gives every account (nothing sent, magic numbers answer with errors).
 */
export type TwilioAccount = z.infer<typeof AccountSchema>;

const META_KEY = 'twilio.account';

/**
 * The account kept in the store. SIDs stay across restarts; tokens are fresh each start unless
 * `keepKeys`, as a rotated token would be.
 */
export function openTwilioAccount(store: SimulatorStore, keepKeys: boolean): TwilioAccount {
  return openStoredAccount(store, META_KEY, {
    schema: AccountSchema,
    keepKeys,
    issue: (previous) => ({
      accountSid: previous?.accountSid ?? sid('AC'),
      authToken: hex32(),
      testAccountSid: previous?.testAccountSid ?? sid('AC'),
      testAuthToken: hex32(),
    }),
  });
}

/** A Twilio SID: two letters naming the resource, then 32 hex digits. */
export function sid(prefix: string): string {
  return `${prefix}${hex32()}`;
}

function hex32(): string {
  return randomBytes(16).toString('hex');
}
