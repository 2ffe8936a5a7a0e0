import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scratchDir } from './run-cli.ts';

/** A supplier's questionnaire: AGG-02 and ENC-02 accepted by a reviewer, FOV-02 not yet. */
export const EXAMPLE_ANSWERS = [
  'supplier: Example Telecom Ltd',
  'answers:',
  '  - requirement: AGG-02',
  '    statement: Texts go through a Tier 1 aggregator with direct network connections.',
  '    evidence: Example Telecom network statement 2026',
  '    accepted: { by: A. Reviewer, on: 2026-11-20 }',
  '  - requirement: ENC-02',
  '    statement: Numbers and bodies are encrypted at rest.',
  '    evidence: Example Telecom security statement v3',
  '    accepted: { by: A. Reviewer, on: 2026-11-20 }',
  '  - requirement: FOV-02',
  '    statement: Support answers within one hour, day and night.',
  '    evidence: Example Telecom support terms',
].join('\n');

/**
 * A fresh folder holding `answers.yaml` and `assure.yaml`: one simulated Notify target, `sim`,
 * whose attestations are those answers.
 */
export async function attestedConfig(answers: string) {
  const folder = await scratchDir();
  await writeFile(join(folder, 'answers.yaml'), answers);
  const config = join(folder, 'assure.yaml');
  const target = ['  - name: sim', '    dialect: notify', '    simulator: {}'];
  const attestations = `    attestations: ${join(folder, 'answers.yaml')}`;
  await writeFile(config, ['targets:', ...target, attestations].join('\n'));
  return { folder, config };
}
