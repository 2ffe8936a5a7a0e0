import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TransportError } from '../../core/errors.ts';
import { startSimulator, type StartedSimulator } from '../../simulators/index.ts';
import { probeSmppTls } from './probe-smpp-tls.ts';

let plain: StartedSimulator;
let secure: StartedSimulator;

beforeAll(async () => {
  plain = await startSimulator({ smpp: {} });
  secure = await startSimulator({ smpp: { tls: true } });
});

afterAll(async () => {
  await Promise.all([plain.stop(), secure.stop()]);
});

test('an SMSC answering SMPP in clear is a critical finding, naming what it answered', async () => {
  const result = await probeSmppTls(plain.smpp?.url ?? '');

  expect(result.findings).toEqual([
    expect.objectContaining({
      code: 'smpp_in_clear',
      severity: 'critical',
      actual: expect.stringMatching(/^enquire_link_resp .* in clear from smpp:\/\/127\.0\.0\.1:/),
    }),
  ]);
});

test('an smpps:// SMSC with sound TLS and a trusted certificate has no finding', async () => {
  const result = await probeSmppTls(secure.smpp?.url ?? '', { ca: [secure.smpp?.ca ?? ''] });

  expect(result.findings).toEqual([]);
  expect(result.notes).toContainEqual(expect.stringContaining('not asked of an SMSC'));
});

test('a port that says nothing in SMPP is a transport error, never a finding', async () => {
  const silent = createServer((socket) => socket.on('data', () => undefined));
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  const { port } = silent.address() as AddressInfo;

  try {
    const probed = probeSmppTls(`smpp://127.0.0.1:${port}`);
    await expect(probed).rejects.toThrow(TransportError);
    await expect(probed).rejects.toThrow(/no SMPP answer to enquire_link \(no answer in 5000 ms\)/);
  } finally {
    silent.close();
  }
});
