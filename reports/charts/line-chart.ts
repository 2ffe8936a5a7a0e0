import { html, type Html } from '../html-template.ts';
import { axesBody, plotArea, spread } from './axes.ts';
import { chartFigure, emptyChart, type ChartText } from './chart-frame.ts';
import { seriesColour, seriesDash } from './chart-colours.ts';
import { formatNumber, linearScale, niceTicks } from './scale.ts';

/** One line; a missing value leaves a gap rather than inventing a point. */
export interface LineSeries {
  readonly label: string;
  readonly values: readonly (number | undefined)[];
}

export interface LineChart extends ChartText {
  /** One label per position on the horizontal axis (a run id, say). */
  readonly positions: readonly string[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** The top of the value axis when it is fixed (100 for a percentage). */
  readonly yMax?: number;
  readonly formatY?: (value: number) => string;
  readonly empty: string;
}

const WIDTH = 640;
const HEIGHT = 260;

/** Values over ordered positions, each series with its own colour, dash and legend entry. */
export function renderLineChart(chart: LineChart): Html {
  const all = chart.series.flatMap((s) => s.values).filter((v) => v !== undefined);
  if (all.length === 0) return emptyChart(chart.title, chart.empty);

  const plot = { ...plotArea(WIDTH, HEIGHT), right: WIDTH - 130 };
  const ticks = niceTicks(chart.yMax ?? Math.max(...all), 4);
  const y = linearScale([0, ticks[ticks.length - 1]!], [plot.bottom, plot.top]);
  const count = chart.positions.length;
  const x = (index: number) =>
    count === 1
      ? (plot.left + plot.right) / 2
      : linearScale([0, count - 1], [plot.left + 8, plot.right - 8])(index);
  const format = chart.formatY ?? formatNumber;

  const lines = chart.series.map((series, index) => line(series, index, x, y));
  const indexes = spread(
    chart.positions.map((_, i) => i),
    6,
  );
  const labels = indexes.map((i) => ({ x: x(i), text: shortLabel(chart.positions[i] ?? '') }));

  const marks = html`${lines}`;

  return chartFigure({
    ...chart,
    width: WIDTH,
    height: HEIGHT,
    body: html`${axesBody({ ...chart, plot, ticks, y, formatY: format, marks, labels })}
    ${legend(chart.series, plot.right + 14)}`,
    table: {
      head: [chart.xLabel, ...chart.series.map((s) => s.label)],
      rows: chart.positions.map((position, i) => [
        position,
        ...chart.series.map((s) => {
          const value = s.values[i];
          return value === undefined ? '—' : format(value);
        }),
      ]),
    },
  });
}

function line(
  series: LineSeries,
  index: number,
  x: (i: number) => number,
  y: (v: number) => number,
): Html {
  const colour = seriesColour(index);
  const segments: string[][] = [[]];
  series.values.forEach((value, i) => {
    if (value === undefined) segments.push([]);
    else segments[segments.length - 1]!.push(`${x(i)},${y(value)}`);
  });
  const paths = segments
    .filter((points) => points.length > 1)
    .map(
      (points) =>
        html`<polyline
          points="${points.join(' ')}"
          fill="none"
          stroke="${colour}"
          stroke-width="2"
          stroke-dasharray="${seriesDash(index) || 'none'}"
        />`,
    );
  const dots = series.values.map((value, i) =>
    value === undefined
      ? ''
      : html`<circle cx="${x(i)}" cy="${y(value)}" r="3" fill="${colour}" />`,
  );

  return html`<g>${paths}${dots}</g>`;
}

function legend(series: readonly LineSeries[], left: number): Html {
  const items = series.map(
    (s, index) =>
      html`<line
          x1="${left}"
          x2="${left + 20}"
          y1="${20 + index * 18}"
          y2="${20 + index * 18}"
          stroke="${seriesColour(index)}"
          stroke-width="2"
          stroke-dasharray="${seriesDash(index) || 'none'}"
        />
        <text class="legend" x="${left + 26}" y="${24 + index * 18}">${s.label}</text>`,
  );
  return html`<g class="legend" aria-hidden="true">${items}</g>`;
}

/** Run ids end in their time and a random suffix; the axis shows the distinguishing tail. */
function shortLabel(label: string): string {
  return label.length > 14 ? `…${label.slice(-12)}` : label;
}
