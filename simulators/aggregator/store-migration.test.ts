import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { storeBytes, testKek } from '../test-support/store-files.ts';
import { SimulatorStore } from './store.ts';

const keys = { kek: testKek() };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sms-assure-migration-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A store as version 1 of the simulator left it: one message delivered to a handset. */
async function versionOneStore(file: string): Promise<void> {
  const db = new Database(file);
  db.exec(await readFile(new URL('./fixtures/store-v1.sql', import.meta.url), 'utf8'));
  db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', '1')").run();
  db.prepare(
    `INSERT INTO messages (id, dialect, account_id, key_type, test, recipient, number, body,
       sender, reference, template_id, template_version, fragments, planned_outcome,
       reported_status, reaches_handset, created_at, sent_at, completed_at)
     VALUES ('m-1', 'notify', 'svc', 'normal', 0, '07700900801', '+447700900801', 'Hello',
       'ASSURE', NULL, 't', 1, 1, 'delivered', 'delivered', 1, 1000, 2000, 3000)`,
  ).run();
  db.close();
}

test('a version 1 store is brought up to date; its messages stay on their handsets', async () => {
  const file = join(dir, 'simulator.sqlite');
  await versionOneStore(file);

  const store = SimulatorStore.open(file, keys);
  try {
    expect(store.readMeta('schema_version')).toBe('3');
    expect(store.handsetMessages('+447700900801', 0, 10_000)).toMatchObject([
      {
        id: 'm-1',
        to: '07700900801',
        body: 'Hello',
        country: 'GB',
        wireBody: 'Hello',
        shownSender: 'ASSURE',
        rateMultiplier: 1,
        transitStatus: 'sending',
        completedAt: 3000,
        handsetAt: 3000,
      },
    ]);
    expect(store.pendingWork(10_000)).toBe(0);
  } finally {
    store.close();
  }
});

test('opening a store twice migrates nothing twice', async () => {
  const file = join(dir, 'simulator.sqlite');
  await versionOneStore(file);

  SimulatorStore.open(file, keys).close();
  const again = SimulatorStore.open(file, keys);
  expect(again.readMeta('schema_version')).toBe('3');
  expect(again.findMessageById('m-1')?.number).toBe('+447700900801');
  again.close();
});

test('migrating seals what version 1 kept in the clear, leaving no trace in any file', async () => {
  const file = join(dir, 'simulator.sqlite');
  await versionOneStore(file);
  const before = await storeBytes(dir);
  expect(before.includes('7700900801')).toBe(true);

  SimulatorStore.open(file, keys).close();

  const after = await storeBytes(dir);
  expect(after.includes('7700900801')).toBe(false);
  expect(after.includes('Hello')).toBe(false);
});

test('a migrated store opens only with the key it was sealed under', async () => {
  const file = join(dir, 'simulator.sqlite');
  await versionOneStore(file);
  SimulatorStore.open(file, keys).close();

  expect(() => SimulatorStore.open(file, { kek: testKek('another key') })).toThrow(
    /another key[\s\S]*sealed under key-encryption key id [0-9a-f]{16}/,
  );
});
