import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { openStoredAccount } from '../../aggregator/stored-account.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';

const AccountSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
});

/** The simulated AWS account: its id, and the one IAM access key that may publish. */
export type SnsAccount = z.infer<typeof AccountSchema>;

/**
 * The region the simulated SNS calls home. LocalStack's read-back endpoint answers for
 * us-east-1 when no region is asked for, so tests written for it find their texts here too.
 */
export const SNS_REGION = 'us-east-1';

const META_KEY = 'sns.account';

/**
 * The account kept in the store. The account id and key id stay across restarts; the secret is
 * fresh each start unless `keepKeys`, as a rotated access key would be.
 */
export function openSnsAccount(store: SimulatorStore, keepKeys: boolean): SnsAccount {
  return openStoredAccount(store, META_KEY, AccountSchema, keepKeys, (previous) => ({
    accountId: previous?.accountId ?? String(randomInt(100_000, 999_999)).repeat(2),
    accessKeyId: previous?.accessKeyId ?? accessKeyId(),
    secretAccessKey: randomBytes(30).toString('base64'),
  }));
}

/** An IAM user's long-term key id: `AKIA` and 16 upper-case letters or digits. */
function accessKeyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const picks = Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]);
  return `AKIA${picks.join('')}`;
}
