import { basename } from 'node:path';
import type { RunResult } from '../core/run-result.ts';
import { renderLineChart } from './charts/line-chart.ts';
import { formatNumber } from './charts/scale.ts';
import type { History } from './history.ts';
import type { HistoryRecord, TargetTrend } from './history-record.ts';
import { html, type Html } from './html-template.ts';

/** Runs shown in a trend: enough for a month of nightly runs, few enough to read. */
export const TREND_RUNS = 30;

/**
 * Trends across runs for each target of this run, from the history file: pass rate and receipt
 * latency percentiles, run by run, so that a nightly run shows drift.
 */
export function renderTrends(run: RunResult, history: History | undefined): Html {
  const body = history
    ? html`${problems(history)} ${run.targets.map((t, i) => targetTrends(t.name, i, history))}`
    : html`<p>${run.shard ? shardNote(run) : 'This run was written without a history.'}</p>`;

  return html`<section id="trends" aria-labelledby="trends-title">
    <h2 id="trends-title">Trends across runs</h2>
    ${body}
  </section>`;
}

function shardNote(run: RunResult): string {
  const shard = run.shard!;
  return (
    `This is shard ${shard.index} of ${shard.count}: its figures cover only part of the ` +
    'suites, so it adds nothing to the history. The run merged from all shards shows the trends.'
  );
}

function problems(history: History): Html {
  if (history.problems.length === 0) return html``;

  const items = history.problems.map(
    (p) => html`<li>line ${p.line}: ${p.message.split('\n')[0] ?? ''}</li>`,
  );
  return html`<p class="note">
      Some lines of <code>${basename(history.file)}</code> could not be read and are left out; every
      other line is shown.
    </p>
    <ul>
      ${items}
    </ul>`;
}

function targetTrends(name: string, index: number, history: History): Html {
  const runs = history.records
    .flatMap((record) => {
      const trend = record.targets.find((t) => t.name === name);
      return trend ? [{ record, trend }] : [];
    })
    .slice(-TREND_RUNS);
  const id = `trend-${index}`;

  return html`<h3>Trends for ${name}</h3>
    <p class="meta">${runs.length} run(s) in the history name this target.</p>
    ${passRateChart(`${id}-pass-rate`, runs)} ${latencyChart(`${id}-latency`, runs)}`;
}

interface TrendPoint {
  readonly record: HistoryRecord;
  readonly trend: TargetTrend;
}

function passRateChart(id: string, runs: readonly TrendPoint[]): Html {
  const rates = runs.map(({ trend }) =>
    trend.passRate === null ? undefined : trend.passRate * 100,
  );
  const last = rates.at(-1);

  return renderLineChart({
    id,
    title: 'Check pass rate by run',
    description:
      `The share of judged checks that passed, for each of the last ${runs.length} runs` +
      (last === undefined ? '.' : `; ${formatNumber(last)}% in the latest.`),
    positions: runs.map(({ record }) => record.runId),
    xLabel: 'Run',
    yLabel: 'checks passed (%)',
    series: [{ label: 'pass rate', values: rates }],
    yMax: 100,
    formatY: formatNumber,
    empty: 'No run in the history judged a check of this target.',
  });
}

function latencyChart(id: string, runs: readonly TrendPoint[]): Html {
  const percentile = (key: 'p50' | 'p95' | 'p99') => runs.map(({ trend }) => trend.latency?.[key]);
  const last = runs.at(-1)?.trend.latency;

  return renderLineChart({
    id,
    title: 'Receipt latency percentiles by run',
    description:
      `Median, 95th and 99th percentile receipt latency in milliseconds for each of the last ` +
      `${runs.length} runs` +
      (last ? `; ${last.p50}, ${last.p95} and ${last.p99} ms in the latest.` : '.'),
    positions: runs.map(({ record }) => record.runId),
    xLabel: 'Run',
    yLabel: 'latency (ms)',
    series: [
      { label: 'p50', values: percentile('p50') },
      { label: 'p95', values: percentile('p95') },
      { label: 'p99', values: percentile('p99') },
    ],
    empty: 'No run in the history recorded a receipt for this target.',
  });
}
