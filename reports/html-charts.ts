import type { CheckRecord } from '../core/check-record.ts';
import { JUDGEMENT_COLOURS } from './html-palette.ts';
import { html, type Html } from './html-template.ts';
import { renderBarChart } from './charts/bar-chart.ts';
import { formatNumber } from './charts/scale.ts';
import { renderTimelineChart } from './charts/timeline-chart.ts';
import { latencyHistogram } from './latency-histogram.ts';
import { MAX_TIMELINES, messageTimelines } from './message-timelines.ts';
import { latencyPercentiles, receiptLatencies } from './receipt-latency.ts';
import { sendThroughput } from './throughput.ts';

/** Statuses whose colour should echo the verdict colours; the rest take the chart palette. */
const STATUS_COLOURS: Readonly<Record<string, string>> = {
  sent: '#505050',
  delivered: JUDGEMENT_COLOURS.pass.text,
  'permanent-failure': JUDGEMENT_COLOURS.fail.text,
  'temporary-failure': JUDGEMENT_COLOURS.partial.text,
  'not found': JUDGEMENT_COLOURS.error.text,
};

/** A target's charts: receipt latency, each message's timeline, and sends per second. */
export function renderTargetCharts(checks: readonly CheckRecord[], targetIndex: number): Html {
  const id = `target-${targetIndex}-chart`;

  return html`<div class="charts">
    ${latencyChart(checks, `${id}-latency`)} ${timelineChart(checks, `${id}-timelines`)}
    ${throughputChart(checks, `${id}-throughput`)}
  </div>`;
}

function latencyChart(checks: readonly CheckRecord[], id: string): Html {
  const latencies = receiptLatencies(checks);
  const bins = latencyHistogram(latencies);
  const p = latencyPercentiles(latencies);
  const summary = p
    ? `${p.count} receipts; median ${p.p50} ms, 95th percentile ${p.p95} ms, ` +
      `99th percentile ${p.p99} ms.`
    : '';

  return renderBarChart({
    id,
    title: 'Receipt latency distribution',
    description: `How long final statuses took to arrive after the send. ${summary}`,
    xLabel: 'latency (ms)',
    yLabel: 'receipts',
    bars: bins,
    formatX: formatNumber,
    table: {
      head: ['Latency (ms)', 'Receipts'],
      rows: bins.map((bin) => [`${bin.from}–${bin.to}`, bin.value]),
    },
    empty: 'No receipt arrived in this run, so there is no latency to show.',
  });
}

function timelineChart(checks: readonly CheckRecord[], id: string): Html {
  const all = messageTimelines(checks);
  const shown = all.slice(0, MAX_TIMELINES);
  const more =
    all.length > shown.length
      ? ` The first ${shown.length} of ${all.length} messages are shown; the rest are in the ` +
        'evidence of their checks.'
      : '';
  const finals = shown.filter((s) => (s.events?.length ?? 0) > 0).length;

  return html`${renderTimelineChart({
    id,
    title: 'Message timelines',
    description:
      `Each message from its send, through every status the supplier reported, to its final ` +
      `status. ${finals} of ${shown.length} reached a final status.${more}`,
    series: shown,
    stateColours: STATUS_COLOURS,
    axisLabel: 'time since the send',
    empty: 'No check in this run sent a message.',
  })}`;
}

function throughputChart(checks: readonly CheckRecord[], id: string): Html {
  const { bars, binMs } = sendThroughput(checks);
  const sends = bars.reduce((sum, bar) => sum + bar.value * (binMs / 1000), 0);
  const peak = Math.max(0, ...bars.map((b) => b.value));

  return renderBarChart({
    id,
    title: 'Throughput',
    description:
      `Messages sent per second over the run, in ${binMs / 1000}-second slices: ` +
      `${Math.round(sends)} sends, at most ${formatNumber(peak)} per second.`,
    xLabel: 'seconds from the first send',
    yLabel: 'sends per second',
    bars,
    formatX: (ms) => formatNumber(ms / 1000),
    table: {
      head: ['From (s)', 'To (s)', 'Sends per second'],
      rows: bars.map((b) => [
        formatNumber(b.from / 1000),
        formatNumber(b.to / 1000),
        formatNumber(b.value),
      ]),
    },
    empty: 'No check in this run sent a message.',
  });
}
