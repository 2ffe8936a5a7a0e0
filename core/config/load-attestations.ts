import { attestationsOf, AttestationFileSchema, type Attestation } from '../attestation.ts';
import { parseYaml, readYamlFile } from './parse-yaml.ts';
import type { TargetConfig } from './schema.ts';

/** A target's attestations by requirement id. */
export type TargetAttestations = ReadonlyMap<string, Attestation>;

/**
 * Reads every target's questionnaire, named relative to the working folder, before anything
 * runs: a bad file is bad configuration, found before a long run rather than after it.
 */
export async function loadAttestations(
  targets: readonly TargetConfig[],
): Promise<Map<string, TargetAttestations>> {
  const byTarget = new Map<string, TargetAttestations>();
  for (const target of targets) {
    if (!target.attestations) continue;

    const text = await readYamlFile(target.attestations);
    const file = parseYaml(text, target.attestations, AttestationFileSchema);
    byTarget.set(target.name, attestationsOf(file));
  }
  return byTarget;
}
