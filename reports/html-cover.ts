import type { RunResult, TargetResult } from '../core/run-result.ts';
import { VERDICTS } from '../core/verdict.ts';
import { exitCodeMeaning } from './exit-code.ts';
import { formatDuration, formatTimestamp } from './format-time.ts';
import { renderFacts } from './html-facts.ts';
import { html, type Html } from './html-template.ts';
import { verdictBadge } from './html-verdict.ts';
import { countVerdicts, requirementMatrix } from './requirement-matrix.ts';
import { endpointKind, supplierOf } from './target-supplier.ts';

/** The first screen (and printed page): what ran, when, with what, against whom. */
export function renderCover(run: RunResult): Html {
  return html`<header id="run" aria-labelledby="run-title">
    <p class="kicker">sms-assure · SMS supplier assurance report</p>
    <h1 id="run-title">Run ${run.runId}</h1>
    <p><strong>Exit code ${run.exitCode}</strong> — ${exitCodeMeaning(run.exitCode)}.</p>
    ${facts(run)} ${targetsTable(run.targets)}
  </header>`;
}

function facts(run: RunResult): Html {
  return renderFacts([
    ['Run id', html`<code>${run.runId}</code>`],
    ['Started', formatTimestamp(run.startedAt)],
    ['Finished', formatTimestamp(run.finishedAt)],
    ['Duration', formatDuration(run.durationMs)],
    ['Harness version', run.harnessVersion],
    ['Configuration hash', html`<code>${run.configHash}</code>`],
    ['Time scale', timeScale(run)],
    ['Suites', run.suites.join(', ') || 'none'],
    run.shard !== undefined && [
      'Shard',
      `${run.shard.index} of ${run.shard.count}: a partial run, to be merged with the others`,
    ],
    run.mergedFrom !== undefined && ['Merged from', run.mergedFrom.join(', ')],
  ]);
}

function targetsTable(targets: readonly TargetResult[]): Html {
  if (targets.length === 0) return html`<p>No target was configured.</p>`;

  return html`<table>
    <caption>
      Targets
    </caption>
    <thead>
      <tr>
        <th scope="col">Target</th>
        <th scope="col">Dialect</th>
        <th scope="col">Base URL</th>
        <th scope="col">Supplier</th>
        <th scope="col">Requirement verdicts</th>
      </tr>
    </thead>
    <tbody>
      ${targets.map(targetRow)}
    </tbody>
  </table>`;
}

function targetRow(target: TargetResult, index: number): Html {
  return html`<tr>
    <th scope="row"><a href="#target-${index}">${target.name}</a></th>
    <td>${target.dialect}</td>
    <td><code>${target.baseUrl}</code></td>
    <td>${supplierOf(target)}<br /><span class="meta">${endpointKind(target)}</span></td>
    <td>${verdictTally(target)}</td>
  </tr>`;
}

function verdictTally(target: TargetResult): Html {
  const counts = countVerdicts(requirementMatrix(target).map((row) => row.verdict));
  const items = VERDICTS.filter((v) => counts[v] > 0).map(
    (v) => html`<li>${counts[v]} × ${verdictBadge(v)}</li>`,
  );

  return html`<ul class="tally">
    ${items}
  </ul>`;
}

function timeScale(run: RunResult): string {
  const scale = run.timeScale;
  if (!run.targets.some((t) => t.simulated))
    return `${scale}: unused, real suppliers run in real time`;
  if (scale === 1) return '1: real time';

  return (
    `${scale}: simulators ran their clocks ${scale} times as fast as real time; ` +
    'real suppliers always run in real time'
  );
}
