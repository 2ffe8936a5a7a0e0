import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createNumberPlan } from '../../numbering/index.ts';
import { unseenNumbers } from './unseen-numbers.ts';

test('a number the storage already holds in the clear is never a canary', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sms-assure-unseen-'));
  const drawn = createNumberPlan({ seed: 7 }).fresh(12);
  const national = (e164: string) => e164.replace('+44', '0');
  // A sender and an inbound number some service keeps unencrypted, as they are spelled there.
  await writeFile(join(dir, 'store.db'), `sender=${drawn[0]} inbound=${national(drawn[2] ?? '')}`);

  const chosen = await unseenNumbers(dir, 3, createNumberPlan({ seed: 7 }));

  expect(chosen).toEqual([drawn[1], drawn[3], drawn[4]]);
});

test('storage that holds every candidate is a harness error, not a finding', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sms-assure-unseen-'));
  const drawn = createNumberPlan({ seed: 9 }).fresh(4);
  await writeFile(join(dir, 'store.db'), drawn.join(' '));

  await expect(unseenNumbers(dir, 1, createNumberPlan({ seed: 9 }))).rejects.toThrow(
    /already holds 4 of 4 fresh numbers/,
  );
});
