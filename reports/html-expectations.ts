import type { TargetExpectations } from '../core/expectations.ts';
import type { RunResult } from '../core/run-result.ts';
import { deviationName, deviationStatusText, findingCounts } from './expectation-wording.ts';
import { renderTable } from './html-table.ts';
import { html, type Html } from './html-template.ts';

/**
 * Known deviations per target: which findings the service already knew about, which are new,
 * and which expected failures did not happen.
 */
const COLUMNS = ['Deviation', 'Reason', 'In this run'];

export function renderExpectations(run: RunResult): Html {
  const expectations = run.expectations ?? [];
  const body =
    expectations.length === 0
      ? html`<p>No target of this run has an expectations file: every finding counts as new.</p>`
      : html`<p>
            <strong>${findingCounts(expectations)}.</strong> A known finding still fails its
            requirement; alone, known findings do not fail the run.
          </p>
          ${expectations.map(targetExpectations)}`;

  return html`<section id="expectations" aria-labelledby="expectations-title">
    <h2 id="expectations-title">Known deviations</h2>
    ${body}
  </section>`;
}

function targetExpectations(expected: TargetExpectations): Html {
  const unmet = expected.deviations.filter((d) => d.status === 'not-seen');
  const rows = expected.deviations.map((d) => [
    deviationName(d),
    d.reason,
    html`<span class="deviation-${d.status}">${deviationStatusText(d)}</span>`,
  ]);

  return html`<h3>Target: ${expected.target}</h3>
    <p class="meta">
      From <code>${expected.file}</code>:
      ${findingCounts([expected])}${
        unmet.length > 0 && html`; <strong>${unmet.length} expected but not seen</strong>`
      }.
    </p>
    ${renderTable(`Known deviations of ${expected.target}`, COLUMNS, rows)}`;
}
