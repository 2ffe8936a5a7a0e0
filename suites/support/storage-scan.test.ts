import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { encodedForms } from './canary-encodings.ts';
import { numberCanary, scanStorage, textCanary } from './storage-scan.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sms-assure-scan-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BODY = 'sms-assure at-rest canary 5f2c9a61d0e4';
const canaries = [numberCanary('number 1', '+447700900417'), textCanary('body 1', BODY)];

/** Random bytes either side, so that a form must be found inside a longer run. */
const buried = (bytes: Buffer) => Buffer.concat([randomBytes(517), bytes, randomBytes(311)]);

test.each(encodedForms(BODY).map((form) => [form.encoding, form.bytes] as const))(
  'a body stored as %s is found, and the finding names the file and encoding',
  async (encoding, bytes) => {
    await writeFile(join(dir, 'simulator.sqlite-wal'), buried(bytes));

    const { sightings } = await scanStorage(dir, canaries);

    expect(sightings).toContainEqual({
      file: 'simulator.sqlite-wal',
      canary: 'body 1',
      spelling: 'as sent',
      encoding,
    });
  },
);

test('base64 is found at any alignment inside a longer base64 run', async () => {
  for (const prefix of ['', 'x', 'xy']) {
    await writeFile(join(dir, 'blob'), Buffer.from(`${prefix}${BODY} and more`).toString('base64'));
    const { sightings } = await scanStorage(dir, canaries);
    expect(sightings.map((s) => s.encoding).join()).toMatch(/base64/);
  }
});

test.each([
  ['+447700900417', 'E.164'],
  ['447700900417', 'international digits'],
  ['07700900417', 'national'],
  ['07700 900417', 'national, spaced'],
])('the number spelt %s is found as %s, in a folder below', async (spelt, spelling) => {
  await mkdir(join(dir, 'nested'));
  await writeFile(join(dir, 'nested', 'simulator.sqlite'), buried(Buffer.from(spelt, 'utf16le')));

  const { sightings } = await scanStorage(dir, canaries);

  expect(sightings).toContainEqual({
    file: join('nested', 'simulator.sqlite'),
    canary: 'number 1',
    spelling,
    encoding: 'UTF-16LE',
  });
});

test('random bytes and other numbers hold no canary, and every file is listed', async () => {
  await writeFile(join(dir, 'simulator.sqlite'), randomBytes(256 * 1024));
  await writeFile(join(dir, 'simulator.sqlite-shm'), '+447700900418 07700900416 sms-assure');

  const { files, sightings } = await scanStorage(dir, canaries);

  expect(sightings).toEqual([]);
  expect(files).toEqual([
    { file: 'simulator.sqlite', bytes: 256 * 1024 },
    { file: 'simulator.sqlite-shm', bytes: 36 },
  ]);
});
