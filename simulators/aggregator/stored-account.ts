import type { z } from 'zod';
import type { SimulatorStore } from './store.ts';

/**
 * A dialect's account kept in the store under `key`. With `keepKeys` the stored one is reused
 * as it is; otherwise `issue` makes it afresh from the previous one (if any), so that ids can
 * stay across restarts while secrets rotate.
 */
export function openStoredAccount<T>(
  store: SimulatorStore,
  key: string,
  options: {
    readonly schema: z.ZodType<T>;
    readonly keepKeys: boolean;
    readonly issue: (previous: T | undefined) => T;
  },
): T {
  const stored = store.readMeta(key);
  const previous = stored === undefined ? undefined : options.schema.parse(JSON.parse(stored));

  const account = previous !== undefined && options.keepKeys ? previous : options.issue(previous);
  store.writeMeta(key, JSON.stringify(account));
  return account;
}
