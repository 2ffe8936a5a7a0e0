import { html, type Html } from '../html-template.ts';
import { axesBody, plotArea, spread } from './axes.ts';
import { chartFigure, emptyChart, type ChartText, type DataTable } from './chart-frame.ts';
import { seriesColour } from './chart-colours.ts';
import { linearScale, niceTicks } from './scale.ts';

/** One bar over a range of the horizontal axis (a histogram bin, a slice of time). */
export interface Bar {
  readonly from: number;
  readonly to: number;
  readonly value: number;
}

export interface BarChart extends ChartText {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly bars: readonly Bar[];
  /** How a bar's range edge reads on the axis. */
  readonly formatX: (value: number) => string;
  readonly formatY?: (value: number) => string;
  readonly table: DataTable;
  /** Said in place of the chart when there are no bars. */
  readonly empty: string;
}

const WIDTH = 640;
const HEIGHT = 240;

/** Bars over contiguous ranges: used for the latency histogram and for throughput over time. */
export function renderBarChart(chart: BarChart): Html {
  if (chart.bars.length === 0) return emptyChart(chart.title, chart.empty);

  const plot = plotArea(WIDTH, HEIGHT);
  const first = chart.bars[0]!.from;
  const x = linearScale([first, chart.bars.at(-1)!.to], [plot.left, plot.right]);
  const ticks = niceTicks(Math.max(...chart.bars.map((b) => b.value)), 4);
  const y = linearScale([0, ticks.at(-1)!], [plot.bottom, plot.top]);

  const bars = chart.bars.map((bar) => {
    const width = Math.max(1, x(bar.to) - x(bar.from) - 2);
    return html`<rect
      x="${x(bar.from) + 1}"
      y="${y(bar.value)}"
      width="${width}"
      height="${plot.bottom - y(bar.value)}"
      fill="${seriesColour(0)}"
    />`;
  });
  const edges = [first, ...chart.bars.map((b) => b.to)];
  const labels = spread(edges, 8).map((edge) => ({ x: x(edge), text: chart.formatX(edge) }));

  return chartFigure({
    ...chart,
    width: WIDTH,
    height: HEIGHT,
    body: axesBody({ ...chart, plot, ticks, y, marks: html`${bars}`, labels }),
  });
}
