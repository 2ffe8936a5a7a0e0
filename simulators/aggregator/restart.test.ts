import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../index.ts';
import { startReceiver } from '../test-support/callback-receiver.ts';
import { call, callAs, finalStatus, sendText } from '../test-support/notify-http.ts';
import { kill, spawnSimulator } from '../test-support/simulator-process.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sms-assure-restart-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('a restart on the same data directory', () => {
  test('resumes pending work: the message reaches its final status and its callback', async () => {
    await using receiver = await startReceiver();

    // Ten times real time: the message is planned to take a few hundred milliseconds at least.
    const first = await startSimulator({ dataDir, timeScale: 10 });
    await call(first, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: 'restart-token-0123456789' },
    });
    const sent = await sendText(first, first.notify.testKey, '07700900003', {
      reference: 'restart',
    });
    const id = (sent.json as { id: string }).id;
    const health = await call(first, 'GET', '/_sim/health');
    expect((health.json as { pendingWork: number }).pendingWork).toBeGreaterThan(0);
    await first.stop();

    await using second = await startSimulator({ dataDir, timeScale: 10_000 });

    expect(second.notify.serviceId).toBe(first.notify.serviceId);
    expect(await finalStatus(second, second.notify.testKey, id)).toBe('temporary-failure');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    expect(receiver.received[0]?.body).toMatchObject({ id, status: 'temporary-failure' });
  });

  test('loses no accepted message when the process is killed without warning', async () => {
    await using receiver = await startReceiver();
    await using doomed = await spawnSimulator(dataDir, 10);
    const asDoomed = { baseUrl: doomed.baseUrl, notify: doomed.notify } as StartedSimulator;
    await call(asDoomed, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: 'restart-token-0123456789' },
    });

    const sent = await Promise.all(
      ['07700900494', '07700900002', '07700900003'].map((n) =>
        sendText(asDoomed, doomed.notify.testKey, n),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201]);
    await kill(doomed.child);

    await using revived = await startSimulator({ dataDir, keepKeys: true, timeScale: 10_000 });
    const ids = sent.map((r) => (r.json as { id: string }).id);
    const statuses = [];
    for (const id of ids) statuses.push(await finalStatus(revived, revived.notify.testKey, id));

    expect(statuses).toEqual(['delivered', 'permanent-failure', 'temporary-failure']);
    // At least once: a callback in flight at the kill may arrive twice.
    const calledBack = () => new Set(receiver.received.map((r) => r.body.id));
    await vi.waitFor(() => expect(calledBack()).toEqual(new Set(ids)), { timeout: 10_000 });
  });

  test('sends again a callback that was in flight when the simulator stopped', async () => {
    await using receiver = await startReceiver([0, 200]);
    const first = await startSimulator({ dataDir, timeScale: 10_000 });
    await call(first, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: 'restart-token-0123456789' },
    });
    await sendText(first, first.notify.testKey, '07700900493');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    await first.stop();

    await using second = await startSimulator({ dataDir, timeScale: 10_000 });
    await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 10_000 });

    const log = await call(second, 'GET', '/_sim/callbacks');
    expect(log.json).toMatchObject({ attempts: [{ attempt: 1, status: 200 }] });
  });

  test('issues fresh keys and revokes the previous ones', async () => {
    const first = await startSimulator({ dataDir });
    await first.stop();

    await using second = await startSimulator({ dataDir });
    const old = await callAs(second, first.notify.testKey, 'GET', '/v2/notifications');

    expect(second.notify.testKey).not.toBe(first.notify.testKey);
    expect(old.json).toEqual({
      status_code: 403,
      errors: [{ error: 'AuthError', message: 'Invalid token: API key revoked' }],
    });
  });

  test('keeps the stored keys when asked to', async () => {
    const first = await startSimulator({ dataDir });
    await first.stop();

    await using second = await startSimulator({ dataDir, keepKeys: true });
    const reply = await callAs(second, first.notify.liveKey, 'GET', '/v2/notifications');

    expect(second.notify).toEqual(first.notify);
    expect(reply.status).toBe(200);
  });
});
