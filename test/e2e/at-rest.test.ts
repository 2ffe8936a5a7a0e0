import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startSimulator } from '../../simulators/index.ts';
import { latestResult, runCli, scratchDir, verdictOf } from '../support/run-cli.ts';

/**
 * A supplier whose disks the harness cannot read: the simulator, configured as a real target.
 * The at-rest check must then judge nothing, say why, and leave ENC-02 to the attestation.
 */
async function realConfig(baseUrl: string, templateId: string, attested: boolean) {
  const folder = await scratchDir();
  await writeFile(
    join(folder, 'answers.yaml'),
    [
      'supplier: Example Telecom Ltd',
      'answers:',
      '  - requirement: ENC-02',
      '    statement: Numbers and bodies are encrypted at rest.',
      '    evidence: Example Telecom security statement v3',
      ...(attested ? ['    accepted: { by: A. Reviewer, on: 2026-11-20 }'] : []),
    ].join('\n'),
  );
  const config = join(folder, 'assure.yaml');
  await writeFile(
    config,
    [
      'targets:',
      '  - name: supplier',
      '    dialect: notify',
      `    baseUrl: ${baseUrl}`,
      '    credentials: { apiKey: { env: ASSURE_E2E_KEY } }',
      `    options: { templateId: ${templateId} }`,
      `    attestations: ${join(folder, 'answers.yaml')}`,
    ].join('\n'),
  );
  return config;
}

test.each([
  [false, 'not-evidenced'],
  [true, 'partial'],
])(
  'a real supplier is never passed on ENC-02 (attestation accepted: %s)',
  async (attested, verdict) => {
    await using simulator = await startSimulator({ timeScale: 1000 });
    const config = await realConfig(simulator.baseUrl, simulator.notify.templateId, attested);

    const run = await runCli(['run', '--config', config, '--suite', 'at-rest', '--out', '$OUT'], {
      ASSURE_E2E_KEY: simulator.notify.testKey,
    });
    const result = await latestResult(run.outDir);

    expect(run.code, run.stderr).toBe(0);
    expect(verdictOf(result, 'supplier', 'ENC-02')).toBe(verdict);
    const atRest = result.checks.find((c) => c.id === 'at-rest/canaries-sealed');
    expect(atRest?.outcome).toBe('skipped');
    expect(atRest?.reason).toMatch(/storage cannot be read[\s\S]*attestation/);
    expect(JSON.stringify(atRest?.evidence)).toMatch(/data retention period/);
  },
  60_000,
);
