import type { z } from 'zod';
import type { SimulatorStore } from './store.ts';

/**
 * A dialect's account kept in the store under `key`: the stored one when `keepKeys`, else a
 * fresh one from `issue`, which is given the previous account to keep what must not change
 * (ids) while it renews the secrets.
 */
export function openStoredAccount<T>(
  store: SimulatorStore,
  key: string,
  schema: z.ZodType<T>,
  keepKeys: boolean,
  issue: (previous: T | undefined) => T,
): T {
  const stored = store.readMeta(key);
  const previous = stored === undefined ? undefined : schema.parse(JSON.parse(stored));

  const account = previous && keepKeys ? previous : issue(previous);
  store.writeMeta(key, JSON.stringify(account));
  return account;
}
