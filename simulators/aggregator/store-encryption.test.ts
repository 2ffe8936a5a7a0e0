import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storeBytes, testKek } from '../test-support/store-files.ts';
import type { NewMessage } from './message.ts';
import type { NewReply } from './reply.ts';
import { SimulatorStore, type StoreKeys } from './store.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sms-assure-sealed-'));
  file = join(dir, 'simulator.sqlite');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NUMBER = '+447700900642';
const BODY = 'Canary body: appointment at the clinic, Tuesday';
const REPLY_BODY = 'Canary reply: yes please';
const REFERENCE = 'case-ada-lovelace-1815';

function message(id: string, body = BODY): NewMessage {
  return {
    id,
    dialect: 'notify',
    accountId: 'svc',
    keyType: 'normal',
    test: false,
    to: '07700900642',
    number: NUMBER,
    country: 'GB',
    body,
    wireBody: body,
    sender: 'ASSURE',
    shownSender: 'ASSURE',
    reference: REFERENCE,
    templateId: 't',
    templateVersion: 1,
    fragments: 1,
    rateMultiplier: 1,
    plannedOutcome: 'delivered',
    reportedStatus: 'delivered',
    reachesHandset: true,
    transitStatus: 'sending',
    createdAt: 1000,
    sentAt: 2000,
    completedAt: 3000,
    handsetAt: 3000,
  };
}

const reply: NewReply = {
  id: 'r-1',
  dialect: 'notify',
  accountId: 'svc',
  handset: NUMBER,
  serviceNumber: '07700900500',
  addressedTo: '07700900500',
  body: REPLY_BODY,
  received: true,
  sentAt: 4000,
};

/** Writes one of everything personal the store keeps, then closes it. */
function fill(keys: StoreKeys): void {
  const store = SimulatorStore.open(file, keys);
  store.transaction(() => {
    store.insertMessage(message('m-1'));
    store.insertMessage(message('m-2'));
    store.insertReply(reply);
    store.writeMeta('notify.callback', JSON.stringify({ bearerToken: 'meta-canary-token' }));
  });
  store.close();
}

const CANARIES = ['7700900642', BODY, REPLY_BODY, REFERENCE, 'meta-canary-token'];

describe('a sealed store', () => {
  test('holds none of its personal data in the clear, in any of its files', async () => {
    const keys = { kek: testKek() };
    fill(keys);

    const store = SimulatorStore.open(file, keys);
    store.insertMessage(message('m-3'));
    const bytes = await storeBytes(dir);
    store.close();

    for (const canary of CANARIES) expect(bytes.includes(canary), canary).toBe(false);
  });

  test('reads back everything, and finds it by number and reference through blind indexes', () => {
    const keys = { kek: testKek() };
    fill(keys);

    const store = SimulatorStore.open(file, keys);
    try {
      expect(store.findMessageById('m-1')).toMatchObject({ number: NUMBER, body: BODY });
      expect(store.handsetMessages(NUMBER, 0, 10_000).map((m) => m.id)).toEqual(['m-1', 'm-2']);
      expect(store.countHandsetMessages(NUMBER)).toBe(2);
      expect(store.handsetReplies(NUMBER, 0, 10_000)).toMatchObject([{ body: REPLY_BODY }]);
      expect(store.handsetCounts(0, 10_000)).toEqual([{ number: NUMBER, messages: 2, replies: 1 }]);
      const byReference = { accountId: 'svc', keyType: 'normal', nowMicros: 0, limit: 10 };
      expect(store.listMessages({ ...byReference, reference: REFERENCE })).toHaveLength(2);
      expect(store.listMessages({ ...byReference, reference: 'other' })).toHaveLength(0);
      expect(store.readMeta('notify.callback')).toContain('meta-canary-token');
    } finally {
      store.close();
    }
  });

  test('names a data key on every record and seals each with its own nonce', () => {
    fill({ kek: testKek() });

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT key_id, sealed FROM messages').all() as {
      key_id: string;
      sealed: Buffer;
    }[];
    const keys = db.prepare("SELECT id FROM data_keys WHERE purpose = 'records'").all();
    const meta = db.prepare("SELECT key_id FROM meta WHERE key = 'notify.callback'").get();
    db.close();

    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.key_id)).size).toBe(1);
    expect(keys).toEqual([{ id: rows[0]?.key_id }]);
    expect(meta).toEqual({ key_id: rows[0]?.key_id });
    // Same body and number, different nonces: the sealed values share no prefix.
    expect(rows[0]?.sealed.subarray(0, 12)).not.toEqual(rows[1]?.sealed.subarray(0, 12));
  });

  test('a sealed record moved to another row no longer opens', () => {
    const keys = { kek: testKek() };
    fill(keys);
    const db = new Database(file);
    db.exec(
      "UPDATE messages SET sealed = (SELECT sealed FROM messages WHERE id = 'm-2') " +
        "WHERE id = 'm-1'",
    );
    db.close();

    const store = SimulatorStore.open(file, keys);
    expect(() => store.findMessageById('m-1')).toThrow();
    expect(store.findMessageById('m-2')?.body).toBe(BODY);
    store.close();
  });

  test('a rolled-back write leaves no record naming a data key the store lacks', () => {
    const keys = { kek: testKek() };
    const store = SimulatorStore.open(file, keys);
    expect(() =>
      store.transaction(() => {
        store.insertMessage(message('m-1'));
        throw new Error('the batch fails');
      }),
    ).toThrow('the batch fails');
    store.insertMessage(message('m-2'));
    store.close();

    const again = SimulatorStore.open(file, keys);
    expect(again.findMessageById('m-2')?.body).toBe(BODY);
    again.close();
  });
});

describe('the plaintext-storage profile', () => {
  test('keeps numbers, bodies and replies in the clear, as the faulty supplier would', async () => {
    fill({ kek: testKek(), plaintext: true });

    const bytes = await storeBytes(dir);
    for (const canary of CANARIES) expect(bytes.includes(canary), canary).toBe(true);
  });
});
