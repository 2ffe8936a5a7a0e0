import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { startSimulator } from '../simulators/index.ts';
import { callAs, sendText } from '../simulators/test-support/notify-http.ts';
import { storeBytes } from '../simulators/test-support/store-files.ts';
import { simulatorCommand } from './simulator-command.ts';

let dir: string;
let dataDir: string;
let oldKeyFile: string;
let newKeyFile: string;
let log: MockInstance<typeof console.log>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sms-assure-rotate-'));
  dataDir = join(dir, 'data');
  oldKeyFile = join(dir, 'old.kek');
  newKeyFile = join(dir, 'new.kek');
  await writeFile(oldKeyFile, randomBytes(32).toString('base64'));
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const NUMBERS = ['07700900311', '07700900312', '07700900313', '07700900314'];

interface Listed {
  notifications: { id: string; phone_number: string; body: string }[];
}

/** Every message the store holds, as the API gives them back: id, number and body. */
async function everyMessage(keyFile: string) {
  await using simulator = await startSimulator({ dataDir, keyFile, keepKeys: true });
  const listed = await callAs(simulator, simulator.notify.testKey, 'GET', '/v2/notifications');
  return (listed.json as Listed).notifications
    .map((n) => `${n.id} ${n.phone_number} ${n.body}`)
    .sort();
}

/** Two runs of the simulator, so that the store holds data keys from two openings. */
async function storeMessages(): Promise<void> {
  for (const batch of [NUMBERS.slice(0, 2), NUMBERS.slice(2)]) {
    await using simulator = await startSimulator({ dataDir, keyFile: oldKeyFile, keepKeys: true });
    for (const number of batch) {
      const sent = await sendText(simulator, simulator.notify.testKey, number, {
        personalisation: { body: `rotation canary ${number}` },
      });
      expect(sent.status).toBe(201);
    }
  }
}

/** Each data key's wrapping and the key-encryption key id it names. */
function dataKeys(): unknown[] {
  const db = new Database(join(dataDir, 'simulator.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT id, kek_id, wrapped FROM data_keys ORDER BY id').all();
  db.close();
  return rows;
}

const rotate = (...extra: string[]) =>
  simulatorCommand(['rotate-key', '--data-dir', dataDir, ...extra]);

test('rotation keeps every message readable, under the new key only', async () => {
  await storeMessages();
  const before = await everyMessage(oldKeyFile);
  expect(before).toHaveLength(NUMBERS.length);

  expect(await rotate('--key-file', oldKeyFile, '--new-key-file', newKeyFile)).toBe(0);
  // The index key, and a data key for each of the three starts (each writes the service).
  expect(log.mock.calls.flat().join('\n')).toMatch(/4 data keys re-wrapped from key-encryption/);

  expect(await everyMessage(newKeyFile)).toEqual(before);
  await expect(everyMessage(oldKeyFile)).rejects.toThrow(
    /old\.kek[\s\S]*sealed under key-encryption key id/,
  );
  const bytes = await storeBytes(dataDir);
  for (const number of NUMBERS) expect(bytes.includes(number.slice(1))).toBe(false);
  expect((await stat(newKeyFile)).mode & 0o077).toBe(0);
});

test('a wrong old key changes nothing and leaves no new key behind', async () => {
  await storeMessages();
  const wrong = join(dir, 'wrong.kek');
  await writeFile(wrong, randomBytes(32).toString('base64'));
  const wrappedBefore = dataKeys();

  const failure = rotate('--key-file', wrong, '--new-key-file', newKeyFile);

  await expect(failure).rejects.toBeInstanceOf(ConfigError);
  await expect(failure).rejects.toThrow(/wrong\.kek[\s\S]*sealed under key-encryption key id/);
  expect(dataKeys()).toEqual(wrappedBefore);
  await expect(stat(newKeyFile)).rejects.toThrow(/ENOENT/);
  expect(await everyMessage(oldKeyFile)).toHaveLength(NUMBERS.length);
});

test('a data key that fails to unwrap midway rolls the whole rotation back', async () => {
  await storeMessages();
  const db = new Database(join(dataDir, 'simulator.sqlite'));
  // Spoils the last data key only: the rotation gets through the others before it fails.
  db.exec(
    `UPDATE data_keys SET wrapped = zeroblob(60) WHERE rowid = (SELECT MAX(rowid) FROM data_keys)`,
  );
  db.close();
  const wrappedBefore = dataKeys();

  await expect(rotate('--key-file', oldKeyFile, '--new-key-file', newKeyFile)).rejects.toThrow(
    /does not unwrap/,
  );
  expect(dataKeys()).toEqual(wrappedBefore);
});

test("the data folder's own key file follows the rotation", async () => {
  {
    await using simulator = await startSimulator({ dataDir, keepKeys: true });
    await sendText(simulator, simulator.notify.testKey, NUMBERS[0] ?? '');
  }
  const ownKey = await readFile(join(dataDir, 'simulator.kek'), 'utf8');

  expect(await rotate('--new-key-file', newKeyFile)).toBe(0);

  const newKey = await readFile(newKeyFile, 'utf8');
  expect(newKey).not.toBe(ownKey);
  expect(await readFile(join(dataDir, 'simulator.kek'), 'utf8')).toBe(newKey);
  await using reopened = await startSimulator({ dataDir, keepKeys: true });
  expect(reopened.notify.serviceId).toMatch(/^[0-9a-f-]{36}$/);
});

test.each([
  [[], /give --data-dir and --new-key-file/],
  [['--new-key-file', 'x.kek'], /no simulator store here/],
])('bad usage %j is a configuration error', async (extra, problem) => {
  const argv = extra.length === 0 ? ['rotate-key'] : ['rotate-key', '--data-dir', dir, ...extra];
  await expect(simulatorCommand(argv)).rejects.toThrow(problem);
});
