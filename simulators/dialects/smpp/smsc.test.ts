import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import type { PDU } from 'smpp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { inboxOf, replyFrom } from '../../test-support/handsets.ts';
import { TestEsme, textOf } from '../../test-support/smpp-client.ts';

const ESME_RINVBNDSTS = 0x04;
const ESME_RINVDSTADR = 0x0b;
const ESME_RINVSRCADR = 0x0a;
const ESME_RINVPASWD = 0x0e;
const ESME_RINVSYSID = 0x0f;
const ESME_RTHROTTLED = 0x58;
const ESME_RQUERYFAIL = 0x67;

const DELIVERED = '447700900123';

let simulator: StartedSimulator;
let esme: TestEsme;

async function start(options: Parameters<typeof startSimulator>[0] = {}) {
  simulator = await startSimulator({ timeScale: 10_000, smpp: {}, ...options });
  esme = await TestEsme.connect(smppOf().url);
}

function smppOf() {
  if (!simulator.smpp) throw new Error('the simulator was started without SMPP');
  return simulator.smpp;
}

async function bound(kind = 'transceiver') {
  const reply = await esme.bind(kind, smppOf().systemId, smppOf().password);
  expect(reply.command_status).toBe(0);
}

function submit(fields: Record<string, unknown>) {
  return esme.request('submit_sm', {
    source_addr_ton: 5,
    source_addr: 'EXAMPLE',
    dest_addr_ton: 1,
    destination_addr: DELIVERED,
    registered_delivery: 1,
    data_coding: 0,
    ...fields,
  });
}

function receiptFor(id: unknown) {
  return (pdu: PDU) => pdu['receipted_message_id'] === id;
}

afterEach(async () => {
  await esme.close();
  await simulator.stop();
});

describe('binding', () => {
  beforeEach(() => start());

  test.each(['transmitter', 'receiver', 'transceiver'])('bind_%s with the credentials', (kind) =>
    bound(kind),
  );

  test('a wrong password is refused with ESME_RINVPASWD and the connection closed', async () => {
    const reply = await esme.bind('transceiver', smppOf().systemId, 'wrong');
    expect(reply.command_status).toBe(ESME_RINVPASWD);
    await new Promise((resolve) => esme.session.socket.once('close', resolve));
  });

  test('an unknown system_id is refused with ESME_RINVSYSID', async () => {
    const reply = await esme.bind('transceiver', 'stranger', smppOf().password);
    expect(reply.command_status).toBe(ESME_RINVSYSID);
  });

  test('a submit before binding, or on a receiver bind, gets ESME_RINVBNDSTS', async () => {
    expect((await submit({ short_message: { message: 'early' } })).command_status).toBe(
      ESME_RINVBNDSTS,
    );
    await bound('receiver');
    expect((await submit({ short_message: { message: 'rx' } })).command_status).toBe(
      ESME_RINVBNDSTS,
    );
  });

  test('enquire_link is answered, and unbind is answered then the link closed', async () => {
    await bound();
    expect((await esme.request('enquire_link')).command_status).toBe(0);
    const closed = new Promise((resolve) => esme.session.socket.once('close', resolve));
    expect((await esme.request('unbind')).command_status).toBe(0);
    await closed;
  });
});

describe('submit_sm', () => {
  beforeEach(async () => {
    await start();
    await bound();
  });

  test('answers a 64-bit hex message id and delivers a GSM-7 text to the handset', async () => {
    const reply = await submit({ short_message: { message: 'Price £5 {x} €10' } });

    expect(reply.command_status).toBe(0);
    const id = String(reply['message_id']);
    expect(id).toMatch(/^[0-9A-F]{16}$/);
    expect(BigInt(`0x${id}`)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));

    await esme.deliveries(receiptFor(id));
    const inbox = await inboxOf(simulator, `+${DELIVERED}`);
    const shown = inbox.messages.map((m) => [m.from, m.body]);
    expect(shown).toEqual([['EXAMPLE', 'Price £5 {x} €10']]);
  });

  test('reads UCS-2 big-endian: 77 ED 4F E1 is 短信 (BR-14)', async () => {
    const reply = await submit({ data_coding: 8, short_message: Buffer.from('77ED4FE1', 'hex') });

    await esme.deliveries(receiptFor(reply['message_id']));
    const inbox = await inboxOf(simulator, `+${DELIVERED}`);
    expect(inbox.messages[0]?.body).toBe('短信');
  });

  test('joins UDH-concatenated parts into one text, with a receipt per part', async () => {
    const udh = (seq: number) => Buffer.from([0x05, 0x00, 0x03, 0x2a, 0x02, seq]);
    const first = await submit({ short_message: { udh: udh(1), message: 'a'.repeat(153) } });
    const second = await submit({ short_message: { udh: udh(2), message: 'b'.repeat(47) } });
    expect(first['message_id']).not.toBe(second['message_id']);

    const receipts = await esme.deliveries(
      (pdu) => [first['message_id'], second['message_id']].includes(pdu['receipted_message_id']),
      2,
    );
    expect(receipts.map((r) => r['message_state'])).toEqual([2, 2]);
    const inbox = await inboxOf(simulator, `+${DELIVERED}`);
    expect(inbox.messages.map((m) => m.body)).toEqual(['a'.repeat(153) + 'b'.repeat(47)]);
  });

  test('sends a receipt only for the parts whose registered_delivery asked', async () => {
    const udh = (seq: number) => Buffer.from([0x05, 0x00, 0x03, 0x2b, 0x02, seq]);
    const first = await submit({ short_message: { udh: udh(1), message: 'x'.repeat(153) } });
    const second = await submit({
      registered_delivery: 0,
      short_message: { udh: udh(2), message: 'y' },
    });

    await esme.deliveries(receiptFor(first['message_id']));
    const query = await esme.request('query_sm', { message_id: second['message_id'] });
    expect(query['message_state']).toBe(2);
    expect(esme.delivered.filter(receiptFor(second['message_id']))).toEqual([]);
  });

  test('takes a long text in message_payload', async () => {
    const text = 'Long text. '.repeat(30);
    const reply = await submit({ message_payload: { message: text } });

    await esme.deliveries(receiptFor(reply['message_id']));
    expect((await inboxOf(simulator, `+${DELIVERED}`)).messages[0]?.body).toBe(text);
  });

  test('refuses a number outside the fiction ranges with ESME_RINVDSTADR', async () => {
    // Country code 999 is assigned to no country, so this number can be nobody's phone.
    const reply = await submit({
      destination_addr: '9991234567',
      short_message: { message: 'x' },
    });
    expect(reply.command_status).toBe(ESME_RINVDSTADR);
  });

  test('refuses an alphanumeric sender over 11 characters with ESME_RINVSRCADR', async () => {
    const reply = await submit({ source_addr: 'EXAMPLECOUNCIL', short_message: { message: 'x' } });
    expect(reply.command_status).toBe(ESME_RINVSRCADR);
  });

  test('query_sm tells the state; an id never issued fails with ESME_RQUERYFAIL', async () => {
    const reply = await submit({ short_message: { message: 'query me' } });
    await esme.deliveries(receiptFor(reply['message_id']));

    const known = await esme.request('query_sm', { message_id: reply['message_id'] });
    expect([known.command_status, known['message_state']]).toEqual([0, 2]);
    const unknown = await esme.request('query_sm', { message_id: 'FFFF' });
    expect(unknown.command_status).toBe(ESME_RQUERYFAIL);
  });
});

describe('receipts', () => {
  beforeEach(async () => {
    await start();
    await bound();
  });

  test.each([
    ['447700900123', 'DELIVRD', '000', 2],
    ['447700900003', 'UNDELIV', '027', 5],
    ['447700900002', 'UNDELIV', '001', 5],
    ['447700900004', 'UNKNOWN', '034', 7],
  ])('to %s: stat:%s err:%s in the text, message_state %d', async (to, stat, err, state) => {
    const reply = await submit({ destination_addr: to, short_message: { message: 'Hi' } });
    const id = String(reply['message_id']);

    const [receipt] = await esme.deliveries(receiptFor(id));
    expect(receipt?.['esm_class']).toBe(0x04);
    expect(receipt?.['message_state']).toBe(state);
    expect(textOf(receipt as PDU)).toMatch(
      new RegExp(
        `^id:${id} sub:001 dlvrd:00[01] submit date:\\d{10} done date:\\d{10} ` +
          `stat:${stat} err:${err} text:Hi$`,
      ),
    );
    expect(receipt?.['network_error_code']).toEqual(Buffer.from([3, 0, Number(err)]));
  });

  test('an ENROUTE notification comes too where bit 4 of registered_delivery asks', async () => {
    const asked = await submit({ registered_delivery: 0x11, short_message: { message: 'a' } });
    const plain = await submit({ registered_delivery: 0x01, short_message: { message: 'b' } });

    const both = await esme.deliveries(receiptFor(asked['message_id']), 2);
    const notice = both.find((p) => p['esm_class'] === 0x20);
    expect(notice?.['message_state']).toBe(1);
    expect(textOf(notice as PDU)).toMatch(/ stat:ENROUTE err:000 /);
    expect(new Set(both.map((p) => p['esm_class']))).toEqual(new Set([0x04, 0x20]));

    await esme.deliveries(receiptFor(plain['message_id']));
    const kinds = esme.delivered.filter(receiptFor(plain['message_id'])).map((p) => p['esm_class']);
    expect(kinds).toEqual([0x04]);
  });

  test('wait for a receiver that binds later', async () => {
    await esme.close();
    esme = await TestEsme.connect(smppOf().url);
    await bound('transmitter');
    const reply = await submit({ short_message: { message: 'later' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await esme.close();

    esme = await TestEsme.connect(smppOf().url);
    await bound('receiver');
    await esme.deliveries(receiptFor(reply['message_id']));
  });
});

test('the no-receipts profile sends no deliver_sm receipt', async () => {
  await start({ profile: 'no-receipts' });
  await bound();
  const reply = await submit({ short_message: { message: 'silence' } });

  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(esme.delivered.filter(receiptFor(reply['message_id']))).toEqual([]);
  const query = await esme.request('query_sm', { message_id: reply['message_id'] });
  expect(query['message_state']).toBe(1);
});

test('a submit over the session rate is answered ESME_RTHROTTLED', async () => {
  await start({ smpp: { submitsPerSecond: 2 } });
  await bound();

  const replies = await Promise.all(
    [1, 2, 3].map((n) => submit({ short_message: { message: `burst ${n}` } })),
  );
  expect(replies.map((r) => r.command_status)).toEqual([0, 0, ESME_RTHROTTLED]);
});

test('a reply from a handset reaches the account as a mobile-originated deliver_sm', async () => {
  await start();
  await bound();

  const { inboundNumber } = smppOf();
  const sent = await replyFrom(simulator, '07700900345', inboundNumber, 'Привет BIN');
  expect(sent.status).toBe(201);

  const [mo] = await esme.deliveries((pdu) => pdu['esm_class'] === 0);
  expect(mo?.['source_addr']).toBe('447700900345');
  expect(mo?.['destination_addr']).toBe('447700900700');
  expect([mo?.['data_coding'], textOf(mo as PDU)]).toEqual([8, 'Привет BIN']);
});

test('a taken SMPP port fails the start with EADDRINUSE', async () => {
  const blocker = createServer().listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  const { port } = blocker.address() as AddressInfo;

  await expect(startSimulator({ smpp: { port } })).rejects.toThrow(/EADDRINUSE/);
  blocker.close();

  // The afterEach hook stops these; the failed start left nothing of its own to stop.
  await start();
});
