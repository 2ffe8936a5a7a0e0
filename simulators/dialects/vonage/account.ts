import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SIGNATURE_METHODS } from '../../../providers/vonage/signature.ts';
import { openStoredAccount } from '../../aggregator/stored-account.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';

const AccountSchema = z.object({
  apiKey: z.string(),
  apiSecret: z.string(),
  signatureSecret: z.string(),
  signatureMethod: z.enum(SIGNATURE_METHODS),
});

/**
 * The simulated Vonage account: the API key and secret the SMS API takes, and the signature
 * secret its webhooks are signed with (the dashboard's "signed webhooks" setting, here on).
 */
export type VonageAccount = z.infer<typeof AccountSchema>;

const META_KEY = 'vonage.account';

/**
 * The account kept in the store. The key stays across restarts; the secrets are fresh each
 * start unless `keepKeys`, as rotated ones would be.
 */
export function openVonageAccount(store: SimulatorStore, keepKeys: boolean): VonageAccount {
  return openStoredAccount(store, META_KEY, AccountSchema, keepKeys, (previous) => ({
    apiKey: previous?.apiKey ?? randomBytes(4).toString('hex'),
    apiSecret: randomBytes(8).toString('base64url'),
    signatureSecret: randomBytes(24).toString('base64url'),
    signatureMethod: 'sha256',
  }));
}
