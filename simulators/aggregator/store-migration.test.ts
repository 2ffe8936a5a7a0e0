import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SimulatorStore } from './store.ts';

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

  const store = SimulatorStore.open(file);
  try {
    expect(store.readMeta('schema_version')).toBe('2');
    expect(store.handsetMessages('+447700900801', 0, 10_000)).toMatchObject([
      {
        id: 'm-1',
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

  SimulatorStore.open(file).close();
  const again = SimulatorStore.open(file);
  expect(again.readMeta('schema_version')).toBe('2');
  again.close();
});
