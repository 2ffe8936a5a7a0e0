import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SimulatorStore } from '../../aggregator/store.ts';

const AccountSchema = z.object({ accountId: z.string(), apiKey: z.string() });

/** The simulated Firetext account: an id for the store's bookkeeping and its API key. */
export type FiretextAccount = z.infer<typeof AccountSchema>;

const META_KEY = 'firetext.account';

/** The account kept in the store; the key is fresh each start unless `keepKeys`. */
export function openFiretextAccount(store: SimulatorStore, keepKeys: boolean): FiretextAccount {
  const stored = store.readMeta(META_KEY);
  const previous = stored === undefined ? undefined : AccountSchema.parse(JSON.parse(stored));

  const account: FiretextAccount =
    previous && keepKeys
      ? previous
      : {
          accountId: previous?.accountId ?? `firetext-${randomBytes(6).toString('hex')}`,
          apiKey: randomBytes(20).toString('hex'),
        };
  store.writeMeta(META_KEY, JSON.stringify(account));
  return account;
}
