import { describe, expect, test } from 'vitest';
import type { CheckRecord } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';
import type { TruthEvidence, TruthProbe } from '../core/truth-evidence.ts';
import { findAll, parseMarkup, textOf } from './fixtures/parse-markup.ts';
import { XSS_BODY, runResultFixture } from './fixtures/run-result.ts';
import { renderHtmlReport } from './html-report.ts';

const probe = (to: string, verdict: TruthProbe['verdict'], extra: Partial<TruthProbe> = {}) => ({
  messageId: `sim-msg-${to.slice(-3)}`,
  to,
  group: 'sample' as const,
  supplierSaid: 'delivered',
  handsetSaw: verdict === 'fake-receipt' ? ('not-seen' as const) : ('arrived' as const),
  changes: [],
  receiptDelayMs: 2000,
  verdict,
  ...extra,
});

const truth: TruthEvidence = {
  kind: 'truth',
  observer: "the simulator's handsets, at numbers drawn afresh for this run",
  freshNumbers: true,
  senderExpected: 'ASSURE',
  arrivalGraceMs: 600,
  probes: [
    probe('tel:…601', 'true', { senderShown: 'ASSURE', textIntact: true, arrivalDelayMs: 1990 }),
    probe('tel:…602', 'fake-receipt'),
    probe('tel:…603', 'true', {
      senderShown: XSS_BODY,
      textIntact: false,
      changes: ['links-rewritten', 're-encoded'],
      arrivalDelayMs: 2010,
    }),
  ],
  fakeReceipts: {
    fakes: 1,
    judged: 3,
    share: 1 / 3,
    lower: 0.0615,
    upper: 0.7923,
    confidence: 0.95,
    method: 'wilson',
  },
  detection: { share: 0.05, confidence: 0.95, needed: 59, sent: 3 },
};

function withTruth(run: RunResult): RunResult {
  const check: CheckRecord = {
    id: 'truth/receipts-true',
    title: 'texts reported delivered arrive, from the configured sender, as they were sent',
    suite: 'truth',
    target: 'notify-sim',
    covers: [{ id: 'RCPT-01', scope: 'full' }],
    outcome: 'fail',
    findings: [],
    evidence: [truth],
    durationMs: 900,
  };
  return { ...run, checks: [...run.checks, check] };
}

describe('the receipt truthfulness section', () => {
  const page = renderHtmlReport(withTruth(runResultFixture()));
  const document = parseMarkup(page, 'html');
  const section = findAll(document, 'section').find((s) => s.attributes['id'] === 'truth');

  test('has a row per text: supplier said, handset saw, sender, text, delays, verdict', () => {
    const rows = findAll(section ?? document, 'tr')
      .slice(1)
      .map(textOf);

    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/tel:…601\s*delivered\s*arrived\s*ASSURE\s*yes\s*2000\s*1990\s*true/);
    expect(rows[1]).toMatch(/tel:…602\s*delivered\s*not seen\s*–\s*–\s*2000\s*–\s*fake receipt/);
    expect(rows[2]).toContain('no: links rewritten, re-encoded');
  });

  test('states the fake share with its interval and the sample the confidence needs', () => {
    const text = textOf(section ?? document).replace(/\s+/g, ' ');

    expect(text).toContain('Fake receipts: 1 of 3 sample texts reported delivered (33.3%)');
    expect(text).toContain('95% Wilson interval 6.2% to 79.2%');
    expect(text).toContain('a run needs 59 texts; this run sent 3');
  });

  test('escapes what a handset showed', () => {
    expect(page).not.toContain(XSS_BODY);
  });

  test('is left out when no truth check ran', () => {
    expect(renderHtmlReport(runResultFixture())).not.toContain('id="truth"');
  });
});
