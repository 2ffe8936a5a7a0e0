import { once } from 'node:events';
import { afterEach, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { call } from '../../test-support/notify-http.ts';
import { TestEsme } from '../../test-support/smpp-client.ts';

const ESME_RSYSERR = 0x08;
const ESME_RTHROTTLED = 0x58;

let simulator: StartedSimulator;
let esme: TestEsme;

afterEach(async () => {
  await esme.close();
  await simulator.stop();
});

/** A simulator with the plan set, and a bound transceiver. */
async function withPlan(plan: object) {
  simulator = await startSimulator({ timeScale: 10_000, smpp: {} });
  const smpp = simulator.smpp;
  if (!smpp) throw new Error('the simulator was started without SMPP');
  esme = await TestEsme.connect(smpp.url);
  expect((await esme.bind('transceiver', smpp.systemId, smpp.password)).command_status).toBe(0);
  expect((await call(simulator, 'PUT', '/_sim/faults', { body: plan })).status).toBe(200);
}

const submit = () =>
  esme.request('submit_sm', {
    source_addr_ton: 5,
    source_addr: 'EXAMPLE',
    dest_addr_ton: 1,
    destination_addr: '447700900123',
    registered_delivery: 1,
    short_message: 'fault plan trial',
  });

test('an outage is answered ESME_RSYSERR; once it ends, the SMSC takes texts again', async () => {
  await withPlan({ outages: [{ mode: 'unavailable' }] });

  expect((await submit()).command_status).toBe(ESME_RSYSERR);
  expect((await call(simulator, 'DELETE', '/_sim/faults')).status).toBe(204);
  expect((await submit()).command_status).toBe(0);
});

test('a 429 in the plan is ESME_RTHROTTLED; any other error status ESME_RSYSERR', async () => {
  await withPlan({ errors: [{ status: 429, rate: 1 }] });

  expect((await submit()).command_status).toBe(ESME_RTHROTTLED);

  await call(simulator, 'PUT', '/_sim/faults', { body: { errors: [{ status: 500, rate: 1 }] } });
  expect((await submit()).command_status).toBe(ESME_RSYSERR);
});

test('a refused request closes the connection unanswered', async () => {
  await withPlan({ outages: [{ mode: 'refuse' }] });

  const closed = once(esme.session, 'close');
  const answered = submit().then(() => 'answered');
  const first = await Promise.race([closed.then(() => 'closed'), answered]);

  expect(first).toBe('closed');
});

test('latency holds the answer back by the planned time', async () => {
  await withPlan({ latency: { minMs: 250, maxMs: 250, rate: 1 } });

  const started = Date.now();
  const response = await submit();

  expect(response.command_status).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(240);
});
