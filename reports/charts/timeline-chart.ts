import { html, type Html } from '../html-template.ts';
import { categoryAxis, spread } from './axes.ts';
import { chartFigure, emptyChart, type ChartText } from './chart-frame.ts';
import { seriesColour } from './chart-colours.ts';
import { linearScale, niceStep } from './scale.ts';

/** A span of time one series spent in one state (a message "sending", a route "down"). */
export interface TimelineInterval {
  readonly state: string;
  /** Epoch milliseconds. */
  readonly startMs: number;
  readonly endMs: number;
}

/** A moment on a series: a final status, a switch-over. */
export interface TimelineEvent {
  readonly label: string;
  readonly atMs: number;
}

/** One lane of the chart: a message, a route, a supplier. */
export interface TimelineSeries {
  readonly label: string;
  readonly intervals: readonly TimelineInterval[];
  readonly events?: readonly TimelineEvent[];
}

export interface TimelineChart extends ChartText {
  readonly series: readonly TimelineSeries[];
  /** Colours by state, for states whose meaning a colour should echo; others get the palette. */
  readonly stateColours?: Readonly<Record<string, string>>;
  /** What the horizontal axis measures from (its zero is the earliest moment drawn). */
  readonly axisLabel: string;
  /** Said in place of the chart when no series has anything to draw. */
  readonly empty: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 170;
const LANE = 22;

/**
 * Labelled state intervals per series, on one time axis measured from the earliest moment
 * drawn. Generic on purpose: message timelines use it, and so can anything else with states
 * over time (a failover's routes, a supplier's outages).
 */
export function renderTimelineChart(chart: TimelineChart): Html {
  const series = chart.series.filter((s) => s.intervals.length + (s.events?.length ?? 0) > 0);
  if (series.length === 0) return emptyChart(chart.title, chart.empty);

  const moments = series.flatMap((s) => [
    ...s.intervals.flatMap((i) => [i.startMs, i.endMs]),
    ...(s.events ?? []).map((e) => e.atMs),
  ]);
  const origin = Math.min(...moments);
  const span = Math.max(1, Math.max(...moments) - origin);
  const plot = { left: LABEL_WIDTH, top: 8, right: WIDTH - 16, bottom: 8 + series.length * LANE };
  const x = linearScale([origin, origin + span], [plot.left, plot.right]);
  const colours = stateColours(series, chart.stateColours);
  const legendRows = legend(colours, plot.left, plot.right, plot.bottom + 60);
  const height = legendRows.bottom + 8;

  const lanes = series.map((s, index) => lane(s, plot.top + index * LANE, x, colours));
  const step = niceStep(span / 6);
  const ticks = Array.from({ length: Math.floor(span / step) + 1 }, (_, i) => i * step);
  const unit = span < 2000 ? 'ms' : 's';
  const labels = spread(ticks, 8).map((t) => ({ x: x(origin + t), text: inUnit(t, unit) }));

  return chartFigure({
    ...chart,
    width: WIDTH,
    height,
    body: html`<g class="marks">${lanes}</g>
      ${categoryAxis(plot, labels, `${chart.axisLabel} (${unit})`)} ${legendRows.markup}`,
    table: {
      head: ['Series', 'State or event', 'From (s)', 'To (s)', 'Lasted'],
      rows: series.flatMap((s) => tableRows(s, origin)),
    },
  });
}

function lane(
  series: TimelineSeries,
  top: number,
  x: (ms: number) => number,
  colours: ReadonlyMap<string, string>,
): Html {
  const bars = series.intervals.map(
    (i) =>
      html`<rect
        x="${x(i.startMs)}"
        y="${top + 4}"
        width="${Math.max(1, x(i.endMs) - x(i.startMs))}"
        height="${LANE - 8}"
        fill="${colours.get(i.state) ?? seriesColour(0)}"
      />`,
  );
  const events = (series.events ?? []).map((e) => {
    // Labels near the right edge go to the left of their marker, so they stay on the page.
    const left = x(e.atMs) > WIDTH * 0.7;
    return html`<path class="event" d="M${x(e.atMs)} ${top + 2}l5 9l-5 9l-5 -9z" />
      <text
        class="event-label"
        x="${x(e.atMs) + (left ? -8 : 8)}"
        y="${top + 15}"
        text-anchor="${left ? 'end' : 'start'}"
      >
        ${e.label}
      </text>`;
  });

  return html`<g aria-hidden="true">
    <text class="lane-label" x="${LABEL_WIDTH - 8}" y="${top + 15}" text-anchor="end">
      ${shorten(series.label)}
    </text>
    ${bars} ${events}
  </g>`;
}

/** Legend entries in rows that wrap at the plot's right edge. */
function legend(
  colours: ReadonlyMap<string, string>,
  left: number,
  right: number,
  top: number,
): { markup: Html; bottom: number } {
  let x = left;
  let y = top;
  const items = [...colours].map(([state, colour]) => {
    const width = 28 + state.length * 7;
    if (x + width > right && x > left) {
      x = left;
      y += 18;
    }
    const item = html`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${colour}" />
      <text class="legend" x="${x + 16}" y="${y}">${state}</text>`;
    x += width;
    return item;
  });

  return { markup: html`<g class="legend" aria-hidden="true">${items}</g>`, bottom: y + 4 };
}

function stateColours(
  series: readonly TimelineSeries[],
  preset: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const interval of series.flatMap((s) => s.intervals)) {
    if (colours.has(interval.state)) continue;
    colours.set(interval.state, preset[interval.state] ?? seriesColour(next++));
  }
  return colours;
}

function tableRows(series: TimelineSeries, origin: number): string[][] {
  const intervals = series.intervals.map((i) => [
    series.label,
    i.state,
    seconds(i.startMs - origin),
    seconds(i.endMs - origin),
    `${seconds(i.endMs - i.startMs)} s`,
  ]);
  const events = (series.events ?? []).map((e) => [
    series.label,
    e.label,
    seconds(e.atMs - origin),
    '',
    '',
  ]);
  return [...intervals, ...events];
}

function inUnit(ms: number, unit: 'ms' | 's'): string {
  return unit === 'ms' ? String(Math.round(ms)) : String(Number((ms / 1000).toFixed(2)));
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

function shorten(label: string): string {
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}
