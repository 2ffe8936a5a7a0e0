import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { RunResult } from '../../core/run-result.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import {
  SmsAssureSimulatorContainer,
  type StartedSmsAssureSimulatorContainer,
} from '../../simulators/container/simulator-container.ts';
import { dockerEngineMissing } from '../support/docker-engine.ts';
import { latestResult, runCli, scratchDir, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The simulator built into an image on a base made from this machine's node (no registry),
 * started through the testcontainers module with host networking and no reaper, and run by the
 * harness as a real target. Skipped, never passed, where no Docker engine answers.
 */
const missing = await dockerEngineMissing();

const script = (name: string) =>
  fileURLToPath(new URL(`../../simulators/container/${name}`, import.meta.url));
const BASE = 'sms-assure-node:e2e';
const TAG = 'sms-assure-simulator:e2e';

describe.skipIf(missing !== undefined)(
  `the simulator as a container${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    beforeAll(async () => {
      // The base afresh too, so it is this machine's node and libraries as they are now.
      await promisify(execFile)(script('make-base.sh'), [BASE], { timeout: 120_000 });
      await promisify(execFile)(script('build-image.sh'), [TAG, BASE], { timeout: 240_000 });
    }, 900_000);

    describe('started by the testcontainers module', () => {
      let simulator: StartedSmsAssureSimulatorContainer;

      beforeAll(async () => {
        simulator = await new SmsAssureSimulatorContainer(TAG).withProfile('compliant').start();
      }, 120_000);
      afterAll(async () => simulator?.stop());

      test('hands back its addresses and keys; its API trusts only the CA it gave', async () => {
        expect(simulator.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        expect(simulator.controlUrl).toBe(`${simulator.baseUrl}/_sim`);
        expect(simulator.notify.testKey).toMatch(/^sms-assure-test-/);

        const health = await request(`${simulator.controlUrl}/health`, trusting([simulator.ca!]));
        expect(await health.body.json()).toMatchObject({ ok: true, profile: 'compliant' });
        await expect(request(`${simulator.controlUrl}/health`)).rejects.toThrow(/certificate/i);
      });

      test('passes the smoke and send suites as the in-process simulator does', async () => {
        const { run, result } = await runAgainst(simulator, ['smoke', 'send'], true);

        expect(run.code, run.stderr + run.stdout).toBe(0);
        expect(result.harnessErrors).toEqual([]);
        expect(outcomes(result, 'container')).toEqual(outcomes(result, 'in-process'));
        expect(Object.values(outcomes(result, 'container'))).toEqual(Array(6).fill('pass'));
        expect(verdictOf(result, 'container', 'TEST-01')).toBe('pass');
        // Only the in-process simulator lets the harness read handsets; a real target's
        // test mode is judged on its API's word.
        expect(verdictOf(result, 'in-process', 'TEST-02')).toBe('pass');
        expect(verdictOf(result, 'container', 'TEST-02')).toBe('partial');
      }, 900_000);
    });

    test('serves plain HTTP with withHttp(), and gives no CA then', async () => {
      const plain = await new SmsAssureSimulatorContainer(TAG).withHttp().start();
      try {
        const health = await request(`${plain.controlUrl}/health`);

        expect(plain.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(plain.ca).toBeUndefined();
        expect(await health.body.json()).toMatchObject({ ok: true, profile: 'compliant' });
      } finally {
        await plain.stop();
      }
    }, 120_000);

    test('takes its profile: malformed-json fails the send suite in the container', async () => {
      const faulty = await new SmsAssureSimulatorContainer(TAG)
        .withProfile('malformed-json')
        .start();
      try {
        const { run, result } = await runAgainst(faulty, ['send'], false);

        expect(run.code, run.stderr + run.stdout).toBe(1);
        expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
        expect(Object.values(outcomes(result, 'container'))).toContain('fail');
      } finally {
        await faulty.stop();
      }
    }, 900_000);
  },
);

/** One CLI run with the container as a configured real target, beside an in-process one. */
async function runAgainst(
  simulator: StartedSmsAssureSimulatorContainer,
  suites: readonly string[],
  withInProcess: boolean,
): Promise<{ run: CliRun; result: RunResult }> {
  const folder = await scratchDir();
  const caFile = join(folder, 'container-ca.pem');
  await writeFile(caFile, simulator.ca ?? '');

  const container = {
    name: 'container',
    dialect: 'notify',
    baseUrl: simulator.baseUrl,
    tls: { ca: caFile },
    keyType: 'test',
    credentials: { apiKey: { env: 'CONTAINER_NOTIFY_KEY' } },
    options: { templateId: simulator.notify.templateId },
    receiptDeadlineSeconds: 30,
    pollIntervalSeconds: 0.1,
  };
  const inProcess = { name: 'in-process', dialect: 'notify', simulator: { profile: 'compliant' } };
  const targets = withInProcess ? [inProcess, container] : [container];
  const config = join(folder, 'assure.yaml');
  await writeFile(config, stringify({ suites, targets }));

  const run = await runCli(['run', '--quiet', '--config', config, '--out', '$OUT'], {
    CONTAINER_NOTIFY_KEY: simulator.notify.testKey,
  });
  return { run, result: await latestResult(run.outDir) };
}

/** Each check's outcome for one target, by check id. */
function outcomes(result: RunResult, target: string): Record<string, string> {
  const checks = result.checks.filter((c) => c.target === target);
  return Object.fromEntries(checks.map((c) => [`${c.suite}/${c.id}`, c.outcome]));
}
