import { randomBytes } from 'node:crypto';
import { HarnessError } from '../core/errors.ts';
import type { RaisedFinding } from '../core/evidence.ts';
import { maskNumber } from '../core/redact.ts';
import { awaitSettled } from './support/receipt-channel.ts';
import { check, forEachTarget, type CheckContext } from './support/check.ts';
import { providedRunId } from './support/provided.ts';
import type { TrackedMessage } from './support/send-tracked.ts';
import { unseenNumbers } from './support/unseen-numbers.ts';
import {
  numberCanary,
  scanStorage,
  textCanary,
  type Canary,
  type Sighting,
} from './support/storage-scan.ts';

const CANARY_COUNT = 3;

/**
 * What a real supplier's API says about how long it keeps messages. Retention limits exposure
 * but says nothing of encryption, so it is a note, never evidence for ENC-02.
 */
const STORAGE_FACTS: Readonly<Record<string, string>> = {
  notify:
    'GOV.UK Notify keeps a message for its data retention period (7 days unless the service ' +
    'changes it), after which reading it answers 404; it publishes nothing on disk encryption ' +
    'through its API',
};

/**
 * Encryption at rest: canary messages go to fresh fiction-range numbers, and once stored, every
 * byte of the storage files is searched for their numbers and bodies in every spelling and
 * encoding they could take. Only a simulated target's files can be read; for a real supplier
 * the check says so and the verdict rests on the supplier's attestation.
 */
forEachTarget('at-rest', (target) => {
  check(
    'at-rest',
    target,
    {
      id: 'canaries-sealed',
      title: 'phone numbers and message bodies never sit in the clear in storage',
      covers: ['ENC-02'],
    },
    async (c) => {
      const dataDir = target.simulator?.dataDir;
      if (dataDir === undefined) {
        const fact = STORAGE_FACTS[target.dialect];
        if (fact) c.note(fact);
        return c.skip(
          "a real supplier's storage cannot be read, so ENC-02 rests on the supplier's " +
            'attestation (the target\'s "attestations" file, answer for ENC-02)',
        );
      }

      const canaries = await plantCanaries(c, await unseenNumbers(dataDir, CANARY_COUNT));
      const { files, sightings } = await scanStorage(dataDir, canaries);
      if (files.length === 0) {
        throw new HarnessError(
          'ASSURE_NO_STORAGE_FILES',
          `the simulator's data folder ${dataDir} holds no files to scan`,
        );
      }

      c.note(`scanned ${files.map((f) => `${f.file} (${f.bytes} bytes)`).join(', ')}`);
      c.evidence({
        kind: 'measurement',
        name: 'canary sightings in storage',
        value: sightings.length,
        unit: 'sightings',
      });
      for (const finding of findingsOf(sightings)) c.finding(finding);
    },
  );
});

/**
 * Sends the canaries and waits for each to reach its final status, by when the supplier has
 * written all it will about them. Numbers and bodies are registered with the redactor first,
 * so that no record of the run shows them.
 */
async function plantCanaries(c: CheckContext, numbers: readonly string[]): Promise<Canary[]> {
  const canaries: Canary[] = [];

  for (const [i, number] of numbers.entries()) {
    const sent = await sendCanary(c, number);
    canaries.push(
      numberCanary(`canary number ${maskNumber(number)}`, number),
      textCanary(`canary body ${i + 1}`, sent.body),
    );

    const wait = await awaitSettled(c, sent);
    if (!wait.final && c.adapter.capabilities.receipts.length > 0)
      c.note(`canary ${i + 1} had no final status by the deadline; scanned anyway`);
  }
  return canaries;
}

/** A text whose body is unique to this run, registered as a secret before anything records it. */
async function sendCanary(c: CheckContext, to: string): Promise<TrackedMessage> {
  const body = `sms-assure at-rest canary ${randomBytes(12).toString('hex')}`;
  const reference = `assure-${providedRunId()}-${randomBytes(6).toString('hex')}`;
  c.redactor.number(to);
  c.redactor.secret(body);

  const sentAt = Date.now();
  const sent = await c.adapter.send({ to, body, reference });
  return { ...sent, to, body, reference, sentAt };
}

/** One finding per file and encoding, naming the canaries found there but never their values. */
function findingsOf(sightings: readonly Sighting[]): RaisedFinding[] {
  const byPlace = new Map<string, Sighting[]>();
  for (const sighting of sightings) {
    const place = `${sighting.file}\0${sighting.encoding}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), sighting]);
  }

  return [...byPlace.values()].map((found) => {
    const { file, encoding } = found[0] as Sighting;
    const what = found.map((s) => `${s.canary} (${s.spelling})`).join(', ');
    return {
      code: 'plaintext_at_rest',
      requirement: 'ENC-02',
      message: `${file} holds ${what} unencrypted, as ${encoding}`,
      expected: 'no canary number or body in any encoding',
      actual: `${found.length} found as ${encoding} in ${file}`,
    };
  });
}
