import { join } from 'node:path';
import type { Description } from './description.ts';
import { loadDescription } from './load-description.ts';

/** The example descriptions, read as a user's would be. */
export function example(name: 'firetext' | 'mmg' | 'kannel'): Promise<Description> {
  return loadDescription(join(import.meta.dirname, 'examples', `${name}.yaml`));
}

export const CREDENTIALS = {
  apiKey: 'made-up-api-key-0000',
  receiptUser: 'receipts',
  receiptPassword: 'made-up-receipt-password',
  username: 'tester',
  password: 'made-up-kannel-password',
  dlrToken: 'made-up-dlr-token',
};
