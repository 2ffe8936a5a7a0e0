import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import {
  kannelMissing,
  startKannel,
  type StartedKannel,
} from '../../providers/kannel/kannel-process.ts';
import { startSimulator, type StartedSimulator } from '../../simulators/index.ts';
import { latestResult, runCli, scratchDir, verdictOf, type CliRun } from '../support/run-cli.ts';
import { sendsmsUrls } from '../support/sendsms-urls.ts';

/**
 * Kannel gateways configured as real targets: the test starts each simulator's SMSC and a
 * Kannel bound to it itself, and the CLI knows only the sendsms address and the credentials
 * in the environment. One Kannel reports to the harness's listener directly; the other through
 * a forward standing in for the public address a Kannel on another machine would call.
 * Skipped, never passed, where Kannel is not installed.
 */
const missing = await kannelMissing();
const SUITES = ['send', 'receipts', 'delivery-errors'];

const stops: (() => Promise<void>)[] = [];
let run: CliRun;
let result: RunResult;
let forwarded = 0;

async function gateway(profile: 'compliant' | 'temporary-as-permanent') {
  const simulator: StartedSimulator = await startSimulator({ profile, smpp: {} });
  stops.push(() => simulator.stop());
  const smsc = simulator.smpp;
  if (!smsc) throw new Error('the simulator started no SMSC');

  const folder = await mkdtemp(join(tmpdir(), 'sms-assure-kannel-'));
  const kannel: StartedKannel = await startKannel(folder, smsc);
  stops.push(async () => {
    await kannel.stop();
    await rm(folder, { recursive: true, force: true });
  });
  return kannel;
}

/** A loopback port free now: the harness's listener is asked to take it. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Passes each request on to the listener's port, counting them. */
async function forwardTo(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    forwarded++;
    request(`http://127.0.0.1:${port}${req.url ?? '/'}`)
      .then(async (reply) => {
        res.writeHead(reply.statusCode).end(await reply.body.text());
      })
      .catch(() => res.writeHead(502).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  return server;
}

function target(name: string, kannel: StartedKannel, env: string, extra: readonly string[]) {
  return [
    `  - name: ${name}`,
    '    dialect: kannel',
    `    baseUrl: ${kannel.sendsmsUrl}`,
    '    keyType: live',
    `    credentials: { username: { env: ${env}_USER }, password: { env: ${env}_PASSWORD } }`,
    '    options: { from: ExampleCncl }',
    '    receiptDeadlineSeconds: 60',
    '    pollIntervalSeconds: 0.2',
    ...extra,
  ];
}

describe.skipIf(missing !== undefined)(
  `Kannel as a real target${missing ? ` (${missing})` : ''}`,
  () => {
    beforeAll(async () => {
      const compliant = await gateway('compliant');
      const faulty = await gateway('temporary-as-permanent');
      const dlrPort = await freePort();
      const forward = await forwardTo(dlrPort);
      const publicUrl = `http://127.0.0.1:${(forward.address() as AddressInfo).port}`;

      const config = join(await scratchDir(), 'assure.yaml');
      await writeFile(
        config,
        [
          `suites: [${SUITES.join(', ')}]`,
          'targets:',
          ...target('gateway', compliant, 'GATEWAY', []),
          ...target('gateway-faulty', faulty, 'FAULTY', [
            `    kannel: { dlrPort: ${dlrPort}, dlrPublicUrl: '${publicUrl}' }`,
          ]),
        ].join('\n'),
      );

      run = await runCli(['run', '--quiet', '--allow-live', '--config', config, '--out', '$OUT'], {
        GATEWAY_USER: compliant.username,
        GATEWAY_PASSWORD: compliant.password,
        FAULTY_USER: faulty.username,
        FAULTY_PASSWORD: faulty.password,
      });
      result = await latestResult(run.outDir);
    }, 900_000);

    afterAll(async () => {
      for (const stop of stops.reverse()) await stop();
    });

    test('the run finds the faulty route out (exit 1), with no harness error', () => {
      expect(run.code, run.stderr).toBe(1);
      expect(result.harnessErrors).toEqual([]);
      expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
    });

    test.each([
      ['gateway', 'RCPT-01', 'pass'],
      ['gateway', 'RCPT-02', 'pass'],
      ['gateway', 'ERR-01', 'pass'],
      ['gateway', 'ERR-02', 'pass'],
      ['gateway-faulty', 'ERR-02', 'fail'],
      ['gateway-faulty', 'RCPT-02', 'fail'],
      ['gateway-faulty', 'ERR-01', 'pass'],
      ['gateway-faulty', 'RCPT-01', 'pass'],
    ])('%s: %s is %s', (name, requirement, expected) => {
      expect(verdictOf(result, name, requirement)).toBe(expected);
    });

    test('the reports came through the configured public address', () => {
      expect(forwarded).toBeGreaterThan(0);
    });

    test('the sendsms password and the dlr-url token are redacted in the evidence', () => {
      const urls = sendsmsUrls(result);

      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url).toContain('password=[REDACTED]&');
        expect(url).toContain('token%3D[REDACTED]%26');
      }
    });
  },
);
