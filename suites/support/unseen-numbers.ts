import { HarnessError } from '../../core/errors.ts';
import { createNumberPlan, type NumberPlan } from '../../numbering/index.ts';
import { numberCanary, scanStorage } from './storage-scan.ts';

/**
 * Fresh numbers the storage does not hold yet, in any spelling. A number already kept in the
 * clear (a sender or an inbound number someone configured) would be found after the canaries
 * went, and blamed on them.
 */
export async function unseenNumbers(
  dataDir: string,
  count: number,
  plan: NumberPlan = createNumberPlan(),
): Promise<string[]> {
  const candidates = plan.fresh(count * 4);
  const probes = candidates.map((number, i) => numberCanary(`candidate ${i}`, number));
  const { sightings } = await scanStorage(dataDir, probes);

  const seen = new Set(sightings.map((s) => s.canary));
  const unseen = candidates.filter((_, i) => !seen.has(`candidate ${i}`)).slice(0, count);
  if (unseen.length < count) {
    throw new HarnessError(
      'ASSURE_NO_UNSEEN_NUMBERS',
      `the simulator's data folder ${dataDir} already holds ${seen.size} of ` +
        `${candidates.length} fresh numbers, so no canary could be told from what was there`,
    );
  }
  return unseen;
}
