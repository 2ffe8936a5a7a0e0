import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import smpp, { type PDU, type Server, type Session } from 'smpp';
import { afterEach, expect, test } from 'vitest';
import { HarnessError, faultKindOf } from '../../core/errors.ts';
import { SmppObserver } from './smpp-observer.ts';

const NUMBER = '447700900700';
const HANDSET = '447700900123';
const ACCOUNT = { systemId: 'observer', password: 'secret1' };

let server: Server | undefined;
const observers: SmppObserver[] = [];
/** What the observer answered each deliver_sm with, by sequence number. */
const answers: PDU[] = [];

afterEach(async () => {
  await Promise.all(observers.splice(0).map((o) => o.close()));
  for (const session of server?.sessions ?? []) session.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  answers.length = 0;
});

/** An SMSC that, once the observer's account binds, hands it `pdus` as deliver_sm. */
async function smscSending(pdus: readonly Record<string, unknown>[]): Promise<string> {
  server = smpp.createServer((session: Session) => {
    const bound = (pdu: PDU) => {
      const ok = pdu['system_id'] === ACCOUNT.systemId && pdu['password'] === ACCOUNT.password;
      session.send(pdu.response(ok ? {} : { command_status: 0x0e }));
      if (ok) for (const fields of pdus) session.deliver_sm(fields, (r) => answers.push(r));
    };
    session.on('bind_receiver', bound);
    session.on('bind_transceiver', bound);
    session.on('unbind', (pdu: PDU) => session.send(pdu.response()));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `smpp://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function observerAt(url: string, password = ACCOUNT.password): SmppObserver {
  const observer = new SmppObserver({
    endpoint: { url, systemId: ACCOUNT.systemId, password },
    number: `+${NUMBER}`,
  });
  observers.push(observer);
  return observer;
}

function handsetText(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    source_addr_ton: 1,
    source_addr: HANDSET,
    dest_addr_ton: 1,
    destination_addr: NUMBER,
    esm_class: 0,
    data_coding: 0,
    ...fields,
  };
}

/** Looks until `count` answers came back: the SMSC's deliver_sm all reached the observer. */
async function lookAfter(observer: SmppObserver, count: number, tokens: readonly string[]) {
  await observer.open();
  for (let tries = 0; answers.length < count && tries < 500; tries++) await sleep(10);
  return observer.look(tokens.map((token) => ({ token, to: `+${NUMBER}` })));
}

test('a handset text is found by its token, with its sender, number and alphabet', async () => {
  const url = await smscSending([
    handsetText({ short_message: { message: 'a1b2c3 Example Council: bin day' } }),
    handsetText({ data_coding: 8, short_message: { message: 'd4e5f6 Café ☕ Tuesday' } }),
  ]);
  const seen = await lookAfter(observerAt(url), 2, ['a1b2c3', 'd4e5f6']);

  expect(seen.get('a1b2c3')).toMatchObject({
    from: `+${HANDSET}`,
    to: `+${NUMBER}`,
    text: 'a1b2c3 Example Council: bin day',
    encoding: 'GSM-7',
  });
  expect(seen.get('d4e5f6')).toMatchObject({ text: 'd4e5f6 Café ☕ Tuesday', encoding: 'UCS-2' });
  expect(answers.map((a) => [a.command, a.command_status])).toEqual([
    ['deliver_sm_resp', 0],
    ['deliver_sm_resp', 0],
  ]);
});

test('an alphanumeric sender is shown as it stands, not as a number', async () => {
  const url = await smscSending([
    handsetText({
      source_addr_ton: 5,
      source_addr: 'ExampleCncl',
      short_message: { message: 'a1b2c3 x' },
    }),
  ]);
  const seen = await lookAfter(observerAt(url), 1, ['a1b2c3']);
  expect(seen.get('a1b2c3')?.from).toBe('ExampleCncl');
});

test('a delivery receipt naming the token is acknowledged but is no arrival', async () => {
  const receipt =
    'id:7 sub:001 dlvrd:001 submit date:2612041000 done date:2612041001 ' +
    'stat:DELIVRD err:000 text:a1b2c3 sms-assure';
  const url = await smscSending([
    handsetText({ esm_class: 0x04, short_message: { message: receipt } }),
  ]);
  const seen = await lookAfter(observerAt(url), 1, ['a1b2c3']);

  expect(answers).toHaveLength(1);
  expect(seen.size).toBe(0);
});

test('parts of a concatenated text are joined in order, whatever order they came in', async () => {
  const udh = (ref: number, of: number, part: number) => Buffer.from([5, 0, 3, ref, of, part]);
  const url = await smscSending([
    handsetText({ esm_class: 0x40, short_message: { udh: udh(9, 3, 3), message: 'token' } }),
    handsetText({ esm_class: 0x40, short_message: { udh: udh(9, 3, 1), message: 'the a1b' } }),
    handsetText({
      sar_msg_ref_num: 4,
      sar_total_segments: 2,
      sar_segment_seqnum: 2,
      short_message: { message: '6 end' },
    }),
    handsetText({ esm_class: 0x40, short_message: { udh: udh(9, 3, 2), message: '2c3 ' } }),
  ]);
  const seen = await lookAfter(observerAt(url), 4, ['a1b2c3', 'end']);

  expect(seen.get('a1b2c3')?.text).toBe('the a1b2c3 token');
  // One part of two is not a text yet: the phone shows nothing until the rest comes.
  expect(seen.has('end')).toBe(false);
});

test('a bind the SMSC refuses is the harness failing, never texts that did not come', async () => {
  const url = await smscSending([]);
  const failure = await observerAt(url, 'wrong')
    .open()
    .catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(HarnessError);
  expect(faultKindOf(failure)).toBe('harness');
  expect((failure as HarnessError).message).toMatch(/inbound number's bind to smpp:.*refused/);
});

test('texts go to the inbound number only', () => {
  const observer = observerAt('smpp://127.0.0.1:1');
  expect(new Set(observer.destinations(5))).toEqual(new Set([`+${NUMBER}`]));
});
