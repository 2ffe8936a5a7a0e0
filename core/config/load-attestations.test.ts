import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { AttestationFileSchema } from '../attestation.ts';
import { loadAttestations } from './load-attestations.ts';
import { TargetConfigSchema } from './schema.ts';
import { yamlProblems } from '../../test/support/yaml-problems.ts';

const GOOD = [
  'supplier: Example Telecom Ltd',
  'answers:',
  '  - requirement: AGG-02',
  '    statement: We route through a Tier 1 aggregator with direct network connections.',
  '    evidence: Example Telecom network statement, 2026 edition',
  '    accepted: { by: A. Reviewer, on: 2026-11-20 }',
  '  - requirement: ENC-02',
  '    statement: Numbers and bodies are encrypted at rest.',
  '    evidence: https://example.test/security',
].join('\n');

function problems(text: string): string[] {
  return yamlProblems(text, 'answers.yaml', AttestationFileSchema);
}

test('a questionnaire is read with its accepted and unaccepted answers', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'sms-assure-attest-'));
  const file = join(folder, 'answers.yaml');
  await writeFile(file, GOOD);
  const target = TargetConfigSchema.parse({
    name: 'sim',
    dialect: 'notify',
    simulator: {},
    attestations: file,
  });

  const attestations = (await loadAttestations([target])).get('sim');

  expect(attestations?.get('AGG-02')).toEqual({
    statement: 'We route through a Tier 1 aggregator with direct network connections.',
    evidence: 'Example Telecom network statement, 2026 edition',
    acceptedBy: 'A. Reviewer',
    acceptedOn: '2026-11-20',
  });
  expect(attestations?.get('ENC-02')).not.toHaveProperty('acceptedBy');
});

test('a requirement outside the catalogue, or one that can only be tested, is named', () => {
  const text = GOOD.replace('AGG-02', 'AGG-99').replace('ENC-02', 'RCPT-01');

  expect(problems(text)).toEqual([
    'answers.0.requirement (line 3): AGG-99 is not in the requirement catalogue',
    'answers.1.requirement (line 7): RCPT-01 can only be tested, not attested',
  ]);
});

test('wrong and unknown fields are named by path and line', () => {
  const text = `${GOOD.replace('2026-11-20', '20/11/2026')}\n    score: 5\n`;

  expect(problems(text)).toEqual([
    'answers.0.accepted.on (line 6): a calendar date as YYYY-MM-DD',
    expect.stringMatching(/^answers\.1 \(line 7\): .*score/),
  ]);
  expect(problems(GOOD.replace('2026-11-20', '2026-02-30'))).toEqual([
    'answers.0.accepted.on (line 6): a calendar date as YYYY-MM-DD',
  ]);
  expect(problems('answers: []\n')).toEqual([expect.stringMatching(/^supplier: /)]);
});

test('a requirement answered twice is an error, not a matter of order', () => {
  const text = GOOD.replace('ENC-02', 'AGG-02');

  expect(problems(text)).toEqual(['answers.1.requirement (line 7): AGG-02 is answered twice']);
});

test('a questionnaire that cannot be read names the file', async () => {
  const target = TargetConfigSchema.parse({
    name: 'sim',
    dialect: 'notify',
    simulator: {},
    attestations: '/nonexistent/answers.yaml',
  });

  await expect(loadAttestations([target])).rejects.toThrow(
    /\/nonexistent\/answers\.yaml:\n.*cannot read/,
  );
});
