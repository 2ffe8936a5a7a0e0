import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CheckRecord } from '../../core/check-record.ts';
import type { RunResult } from '../../core/run-result.ts';
import type { TruthEvidence } from '../../core/truth-evidence.ts';
import { ReceiptFaker } from '../../simulators/aggregator/receipt-faking.ts';
import type { SimulatorStore } from '../../simulators/aggregator/store.ts';
import { latestResult, runCli, scratchDir, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The truth suite alone, in one real run of the CLI: the default sample catches a route faking
 * 5% of receipts, and the received-texts observer works end to end (texts sent to the
 * simulator's inbound number are read back through its received-texts API).
 *
 * The 5% route draws its choices from a seed, and the truth suite sends its texts one after
 * another, so the same texts are faked every run: the test cannot flake. Unseeded, a run of 59
 * misses a 5% route with probability 0.95^59 = 4.85%, which is the 95% confidence the default
 * sample is sized for.
 */
const SEED = 20261204;
// A minute of real time (at timeScale 25) for each status to be read: on a loaded CI machine,
// 59 statuses read one after another can outlast the five-second floor, and a status read after
// the deadline gets no grace period, so its text would be "not seen yet" instead of judged.
const DEADLINE_SECONDS = 1500;
const SAMPLE = 59;
const FOLLOW_UPS = 2;

const CONFIG = `
timeScale: 25
targets:
  - name: compliant
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: compliant }
  - name: share
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: fake-receipts-share, seed: ${SEED} }
  - name: inbound-compliant
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: compliant }
    truth: { sampleSize: 20, observer: { kind: received-texts } }
  - name: inbound-faked
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: fake-receipts-all }
    truth: { sampleSize: 20, observer: { kind: received-texts } }
  - name: known-fresh
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: fake-receipts-unless-known }
  - name: known-fixed
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: fake-receipts-unless-known }
    truth: { sampleSize: 20, observer: { kind: received-texts } }
`;

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const dir = await scratchDir();
  const config = join(dir, 'assure.yaml');
  await writeFile(config, CONFIG);
  run = await runCli(['run', '--quiet', '--config', config, '--suite', 'truth', '--out', '$OUT']);
  result = await latestResult(run.outDir);
}, 900_000);

function truthCheck(target: string): CheckRecord {
  const found = result.checks.find((c) => c.target === target && c.id === 'truth/receipts-true');
  if (!found) throw new Error(`no truth check for ${target}`);
  return found;
}

function truthOf(target: string): TruthEvidence {
  const evidence = truthCheck(target).evidence.find((e) => e.kind === 'truth');
  if (evidence?.kind !== 'truth') throw new Error(`no truth evidence for ${target}`);
  return evidence;
}

/** The texts among the sample the seeded route drops, replayed from the same seed. */
function seededFakes(): number {
  const store = { countHandsetMessages: () => 0 } as unknown as SimulatorStore;
  const faker = new ReceiptFaker('share', store, { seed: SEED });
  const draws = Array.from({ length: SAMPLE + FOLLOW_UPS }, () => faker.drops('+447700900999'));
  return draws.slice(0, SAMPLE).filter(Boolean).length;
}

test('runs without harness errors', () => {
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

describe('the compliant simulator', () => {
  test('shows 0 fake receipts in 59 fresh numbers, and every text as sent', () => {
    const truth = truthOf('compliant');

    expect(truth.freshNumbers).toBe(true);
    expect(truth.fakeReceipts).toMatchObject({ fakes: 0, judged: SAMPLE });
    expect(truth.fakeReceipts.upper).toBeCloseTo(0.0611, 4);
    expect(truth.detection).toEqual({ share: 0.05, confidence: 0.95, needed: 59, sent: SAMPLE });
    expect(truth.probes.every((p) => p.textIntact === true && p.senderShown === 'ASSURE')).toBe(
      true,
    );
    expect(new Set(truth.probes.map((p) => p.to)).size).toBe(SAMPLE);
  });

  test.each(['RCPT-01', 'SID-01', 'SID-02', 'CONT-01'])('passes %s', (requirement) => {
    const expected = requirement === 'CONT-01' ? 'partial' : 'pass';
    expect(verdictOf(result, 'compliant', requirement)).toBe(expected);
  });
});

describe('a route faking 5% of receipts, chosen per text', () => {
  test('is caught by a run of the default size, each fake counted', () => {
    const fakes = seededFakes();
    const truth = truthOf('share');

    expect(fakes).toBeGreaterThan(0);
    expect(truth.fakeReceipts).toMatchObject({ fakes, judged: SAMPLE });
    expect(truth.fakeReceipts.lower).toBeGreaterThan(0);
    expect(truthCheck('share').findings.map((f) => [f.code, f.requirement])).toEqual([
      ['fake_receipt', 'RCPT-01'],
    ]);
  });

  test('fails RCPT-01 only', () => {
    expect(verdictOf(result, 'share', 'RCPT-01')).toBe('fail');
    expect(verdictOf(result, 'share', 'SID-01')).toBe('pass');
    expect(verdictOf(result, 'share', 'SID-02')).toBe('pass');
  });
});

describe('a route that fakes receipts except to numbers it has seen before', () => {
  test('is caught on every text to numbers drawn afresh', () => {
    expect(truthOf('known-fresh').fakeReceipts).toMatchObject({ fakes: SAMPLE, judged: SAMPLE });
    expect(verdictOf(result, 'known-fresh', 'RCPT-01')).toBe('fail');
  });

  test('fakes only the first text to a fixed number, and the report says why', () => {
    const check = truthCheck('known-fixed');
    const notes = check.evidence.flatMap((e) => (e.kind === 'note' ? [e.text] : []));

    expect(truthOf('known-fixed').fakeReceipts).toMatchObject({ fakes: 1, judged: 20 });
    expect(notes).toContainEqual(expect.stringMatching(/19 later text\(s\) arrived/));
  });
});

describe('the received-texts observer, end to end', () => {
  test('reads every text sent to the inbound number back through the received-texts API', () => {
    const truth = truthOf('inbound-compliant');

    expect(truth.freshNumbers).toBe(false);
    expect(truth.observer).toContain('inbound number at a notify service');
    expect(truth.fakeReceipts).toMatchObject({ fakes: 0, judged: 20 });
    expect(truth.probes.every((p) => p.handsetSaw === 'arrived' && p.textIntact)).toBe(true);
    expect(verdictOf(result, 'inbound-compliant', 'RCPT-01')).toBe('pass');
  });

  test('catches receipts faked for texts to it', () => {
    expect(truthOf('inbound-faked').fakeReceipts).toMatchObject({ fakes: 20, judged: 20 });
    expect(verdictOf(result, 'inbound-faked', 'RCPT-01')).toBe('fail');
  });

  test("keeps the observer's key out of the evidence", () => {
    expect(JSON.stringify(truthCheck('inbound-compliant'))).not.toMatch(/Bearer eyJ/);
  });
});
