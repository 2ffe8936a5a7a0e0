import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PDU } from 'smpp';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SmppConnection, type SmppEndpoint } from '../../../providers/smpp/connection.ts';
import { startSimulator } from '../../index.ts';
import type { SmppCredentials } from './smsc.ts';

/**
 * The SMSC keeps its message book in the store, so a restart on the same data folder loses
 * nothing a client may still ask about: a receipt that fell due while it was down still comes,
 * and query_sm still answers by any part's id.
 */

let dataDir: string;
const connections: SmppConnection[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sms-assure-smpp-restart-'));
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.close()));
  await rm(dataDir, { recursive: true, force: true });
});

function connect(smsc: SmppCredentials, bind: 'transmitter' | 'receiver', onDeliver = noop) {
  const endpoint: SmppEndpoint = {
    url: smsc.url,
    systemId: smsc.systemId,
    password: smsc.password,
  };
  const connection = new SmppConnection(endpoint, { bind, onDeliver });
  connections.push(connection);
  return connection;
}

function noop(_pdu: PDU): void {}

/** Two parts joined by an 8-bit concatenation UDH, each asking for a receipt. */
async function submitLongText(connection: SmppConnection): Promise<string[]> {
  const ids: string[] = [];
  for (const sequence of [1, 2]) {
    const response = await connection.request('submit_sm', {
      source_addr_ton: 5,
      source_addr: 'EXAMPLE',
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      destination_addr: '447700900123',
      esm_class: 0x40,
      registered_delivery: 1,
      data_coding: 0,
      short_message: { udh: Buffer.from([5, 0, 3, 0x2a, 2, sequence]), message: 'part' },
    });
    ids.push(String(response['message_id']));
  }
  return ids;
}

test('after a restart, receipts due arrive for every part and query_sm finds them', async () => {
  // Ten times real time: the receipts are due a few hundred milliseconds after the submit.
  const first = await startSimulator({ dataDir, timeScale: 10, smpp: {} });
  const before = first.smpp;
  if (!before) throw new Error('no SMSC');
  const ids = await submitLongText(connect(before, 'transmitter'));
  await first.stop();

  await using second = await startSimulator({
    dataDir,
    keepKeys: true,
    timeScale: 10_000,
    smpp: { port: before.port },
  });
  const after = second.smpp;
  if (!after) throw new Error('no SMSC');
  const receipts: PDU[] = [];
  await connect(after, 'receiver', (pdu: PDU) => receipts.push(pdu)).open();
  await vi.waitFor(() => expect(receipts).toHaveLength(2), { timeout: 10_000 });
  const queried = await connect(after, 'transmitter').request('query_sm', { message_id: ids[1] });

  expect(after.password).toBe(before.password);
  expect(receipts.map((r) => r['receipted_message_id'])).toEqual(expect.arrayContaining(ids));
  expect(receipts.every((r) => r['message_state'] === 2)).toBe(true);
  expect(queried).toMatchObject({ command_status: 0, message_state: 2 });
});

test('without keepKeys a restarted SMSC gives a fresh password, as Notify gives keys', async () => {
  const first = await startSimulator({ dataDir, smpp: {} });
  const password = first.smpp?.password;
  await first.stop();

  await using second = await startSimulator({ dataDir, smpp: {} });

  expect(second.smpp?.password).not.toBe(password);
});
