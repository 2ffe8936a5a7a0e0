import { describeChange } from '../content/text-changes.ts';
import type { CheckRecord } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';
import type { TruthEvidence, TruthProbe } from '../core/truth-evidence.ts';
import { html, type Html } from './html-template.ts';

/**
 * Receipt truthfulness, per target: what the supplier said of each text beside what the observer
 * saw, and the share of fake receipts with its confidence interval. Only targets whose truth
 * check ran have a table; the section is left out when none did.
 */
export function renderTruth(run: RunResult): Html {
  const samples = run.checks.flatMap((check) => truthOf(check));
  if (samples.length === 0) return html``;

  return html`<section id="truth" aria-labelledby="truth-title">
    <h2 id="truth-title">Receipt truthfulness</h2>
    <p>
      Each text carried a token nobody could guess and went to a number the harness can read. A text
      reported delivered that never arrived is a fake receipt; one reported failed that arrived is a
      false failure. Texts still unseen when the wait ended are counted apart, never as fakes.
    </p>
    ${samples.map(({ target, truth }) => renderSample(target, truth))}
  </section>`;
}

function truthOf(check: CheckRecord): { target: string; truth: TruthEvidence }[] {
  return check.evidence
    .filter((e): e is TruthEvidence => e.kind === 'truth')
    .map((truth) => ({ target: check.target, truth }));
}

function renderSample(target: string, truth: TruthEvidence): Html {
  const { fakeReceipts: fakes, detection } = truth;
  const unseen = truth.probes.filter((p) => p.verdict === 'not-seen-yet').length;

  return html`<h3>Target: ${target}</h3>
    <p>
      Observer: ${truth.observer}.
      ${
        truth.freshNumbers
          ? 'A route sparing numbers it knows cannot hide from numbers new to it.'
          : 'The observer has fixed numbers, which a route could learn and spare.'
      }
    </p>
    <p>
      Fake receipts: <strong>${fakes.fakes} of ${fakes.judged}</strong> sample texts reported
      delivered (${percent(fakes.share)}); ${percent(fakes.confidence)} Wilson interval
      ${percent(fakes.lower)} to ${percent(fakes.upper)}. ${unseen > 0 && `${unseen} not seen yet.`}
      To catch a route faking ${percent(detection.share)} of receipts with
      ${percent(detection.confidence)} confidence a run needs ${detection.needed} texts; this run
      sent ${detection.sent}.
    </p>
    ${probeTable(target, truth)}`;
}

function probeTable(target: string, truth: TruthEvidence): Html {
  const rows = truth.probes.map(
    (p: TruthProbe) =>
      html`<tr>
        <th scope="row"><code>${p.to}</code>${p.group === 'follow-up' && ' (second text)'}</th>
        <td><code>${p.supplierSaid}</code></td>
        <td>${p.handsetSaw.replaceAll('-', ' ')}</td>
        <td>${p.senderShown === undefined ? '–' : html`<code>${p.senderShown}</code>`}</td>
        <td>${intact(p)}</td>
        <td>${p.receiptDelayMs ?? '–'}</td>
        <td>${p.arrivalDelayMs ?? '–'}</td>
        <td>${p.verdict.replaceAll('-', ' ')}</td>
      </tr>`,
  );

  return html`<table>
    <caption>
      Receipt truthfulness:
      ${target}${
        truth.senderExpected && html`, sender expected <code>${truth.senderExpected}</code>`
      }
    </caption>
    <thead>
      <tr>
        <th scope="col">Number</th>
        <th scope="col">Supplier said</th>
        <th scope="col">Handset saw</th>
        <th scope="col">Sender shown</th>
        <th scope="col">Text intact</th>
        <th scope="col">Receipt delay (ms)</th>
        <th scope="col">Arrival delay (ms)</th>
        <th scope="col">Receipt verdict</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function intact(probe: TruthProbe): string {
  if (probe.textIntact === undefined) return '–';
  return probe.textIntact ? 'yes' : `no: ${probe.changes.map(describeChange).join(', ')}`;
}

/** `6.1%`, and `95%` rather than `95.0%`. */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}
