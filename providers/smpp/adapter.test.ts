import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { CredentialsError } from '../../core/errors.ts';
import type { Evidence } from '../../core/evidence.ts';
import { startSimulator, type StartedSimulator } from '../../simulators/index.ts';
import { inboxOf, replyFrom } from '../../simulators/test-support/handsets.ts';
import type { MessageState } from '../contract.ts';
import { SmppAdapter } from './adapter.ts';

let simulator: StartedSimulator | undefined;
let proxy: Server | undefined;
const adapters: SmppAdapter[] = [];
const evidence: Evidence[] = [];
const relayed: Socket[] = [];

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((a) => a.close()));
  for (const socket of relayed.splice(0)) socket.destroy();
  if (proxy) await new Promise((resolve) => proxy?.close(resolve));
  await simulator?.stop();
  simulator = undefined;
  proxy = undefined;
  evidence.length = 0;
});

/** The simulator started by the test, for the assertions that read its handsets. */
function sim(): StartedSimulator {
  if (!simulator) throw new Error('no simulator was started');
  return simulator;
}

async function adapterFor(options: Parameters<typeof startSimulator>[0] = {}, url?: string) {
  simulator ??= await startSimulator({ timeScale: 10_000, smpp: {}, ...options });
  const smpp = simulator.smpp;
  if (!smpp) throw new Error('no SMSC');
  const adapter = new SmppAdapter({
    endpoint: { url: url ?? smpp.url, systemId: smpp.systemId, password: smpp.password },
    sender: 'EXAMPLE',
    sink: (e) => evidence.push(e),
  });
  adapters.push(adapter);
  return adapter;
}

async function settle(adapter: SmppAdapter, id: string): Promise<MessageState | undefined> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const state = await adapter.status(id);
    if (
      (state && state.status !== 'sending' && state.status !== 'accepted') ||
      Date.now() > deadline
    ) {
      return state;
    }
    await sleep(10);
  }
}

describe('against the simulator’s SMSC', () => {
  test.each([
    ['07700900123', 'delivered', 'DELIVRD err:000'],
    ['07700900003', 'temporary-failure', 'UNDELIV err:027'],
    ['07700900002', 'permanent-failure', 'UNDELIV err:001'],
    ['07700900004', 'technical-failure', 'UNKNOWN err:034'],
  ])('a text to %s ends %s (%s)', async (to, status, providerStatus) => {
    const adapter = await adapterFor();
    const sent = await adapter.send({ to, body: 'Your bin day moved', reference: 'r1' });

    expect(sent.status).toBe('accepted');
    expect(await settle(adapter, sent.id)).toEqual({ id: sent.id, status, providerStatus });
  });

  test('a UCS-2 text reaches the handset intact', async () => {
    const adapter = await adapterFor();
    const body = 'Привет, Zoë 😀';
    const sent = await adapter.send({ to: '07700900123', body, reference: 'r2' });

    await settle(adapter, sent.id);
    expect((await inboxOf(sim(), '+447700900123')).messages[0]?.body).toBe(body);
  });

  test('200 GSM characters go as two parts, each receipt saying which part it covers', async () => {
    const adapter = await adapterFor();
    const body = 'x'.repeat(200);
    const sent = await adapter.send({ to: '07700900123', body, reference: 'r3' });

    const state = await settle(adapter, sent.id);
    expect(state?.providerStatus).toBe(
      'DELIVRD err:000 (part 1 of 2); DELIVRD err:000 (part 2 of 2)',
    );
    expect(evidence.filter((e) => e.kind === 'exchange' && e.label === 'submit_sm')).toHaveLength(
      2,
    );
    expect((await inboxOf(sim(), '+447700900123')).messages[0]?.body).toBe(body);
  });

  test('an id the SMSC never issued is not found', async () => {
    const adapter = await adapterFor();
    expect(await adapter.status('8000000000000001')).toBeUndefined();
  });

  test('a wrong password is a credentials error, not a supplier failure', async () => {
    const smpp = (simulator = await startSimulator({ timeScale: 10_000, smpp: {} })).smpp;
    const adapter = new SmppAdapter({
      endpoint: { url: smpp?.url ?? '', systemId: smpp?.systemId ?? '', password: 'wrong' },
      sender: 'EXAMPLE',
    });
    adapters.push(adapter);

    await expect(adapter.send({ to: '07700900123', body: 'x', reference: 'r' })).rejects.toThrow(
      CredentialsError,
    );
  });

  test('throttled submits are retried, slower, until accepted', async () => {
    const adapter = await adapterFor({ smpp: { submitsPerSecond: 2 } });
    const sends = [1, 2, 3, 4].map((n) =>
      adapter.send({ to: '07700900123', body: `burst ${n}`, reference: `b${n}` }),
    );

    expect((await Promise.all(sends)).map((s) => s.status)).toEqual(Array(4).fill('accepted'));
    const statuses = evidence.flatMap((e) => (e.kind === 'exchange' ? [e.response?.status] : []));
    expect(statuses).toContain(0x58);
  });

  test('a reply from a handset is listed among inbound texts', async () => {
    const adapter = await adapterFor();
    const sent = await adapter.send({ to: '07700900345', body: 'Reply YES', reference: 'r4' });
    await settle(adapter, sent.id);

    await replyFrom(sim(), '07700900345', sim().smpp?.inboundNumber ?? '', 'YES');
    await expect.poll(async () => (await adapter.inbound()).map((t) => t.text)).toEqual(['YES']);
  });

  test('the password never reaches the evidence', async () => {
    const adapter = await adapterFor();
    await adapter.send({ to: '07700900123', body: 'x', reference: 'r' });
    expect(JSON.stringify(evidence)).not.toContain(sim().smpp?.password);
  });
});

describe('a dropped connection', () => {
  /** A TCP relay in front of the SMSC, so a test can cut every connection through it. */
  async function relayTo(port: number) {
    let connections = 0;
    proxy = createServer((client) => {
      connections++;
      const upstream = connect(port, '127.0.0.1');
      relayed.push(client, upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    return {
      url: `smpp://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      connections: () => connections,
      cut: () => relayed.splice(0).forEach((s) => s.destroy()),
    };
  }

  test('is bound again, and a message sent before it still reaches its final state', async () => {
    simulator = await startSimulator({ timeScale: 100, smpp: {} });
    const relay = await relayTo(sim().smpp?.port ?? 0);
    const adapter = await adapterFor({}, relay.url);

    const sent = await adapter.send({ to: '07700900123', body: 'before', reference: 'd1' });
    relay.cut();
    await expect.poll(relay.connections).toBe(2);

    expect((await settle(adapter, sent.id))?.status).toBe('delivered');
    const after = await adapter.send({ to: '07700900123', body: 'after', reference: 'd2' });
    expect((await settle(adapter, after.id))?.status).toBe('delivered');
  });
});
