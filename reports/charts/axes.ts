import { html, type Html } from '../html-template.ts';
import { formatNumber } from './scale.ts';

/** The drawing area inside a chart, leaving room for axis labels. */
export interface Plot {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export function plotArea(width: number, height: number, left = 56): Plot {
  return { left, top: 12, right: width - 16, bottom: height - 44 };
}

/** A vertical value axis: grid lines at each tick, labelled on the left. */
export function valueAxis(
  plot: Plot,
  ticks: readonly number[],
  y: (value: number) => number,
  label: string,
  format: (value: number) => string = formatNumber,
): Html {
  const lines = ticks.map(
    (tick) =>
      html`<line
          class="grid"
          x1="${plot.left}"
          x2="${plot.right}"
          y1="${y(tick)}"
          y2="${y(tick)}"
        />
        <text class="tick" x="${plot.left - 6}" y="${y(tick) + 4}" text-anchor="end">
          ${format(tick)}
        </text>`,
  );
  const middle = (plot.top + plot.bottom) / 2;

  return html`<g class="axis" aria-hidden="true">
    ${lines}
    <text class="axis-label" transform="translate(12 ${middle}) rotate(-90)" text-anchor="middle">
      ${label}
    </text>
  </g>`;
}

/** A horizontal axis: labels at the given positions, and the axis's name below them. */
export function categoryAxis(
  plot: Plot,
  labels: readonly { readonly x: number; readonly text: string }[],
  label: string,
): Html {
  const ticks = labels.map(
    ({ x, text }) =>
      html`<text class="tick" x="${x}" y="${plot.bottom + 16}" text-anchor="middle">${text}</text>`,
  );

  return html`<g class="axis" aria-hidden="true">
    <line
      class="baseline"
      x1="${plot.left}"
      x2="${plot.right}"
      y1="${plot.bottom}"
      y2="${plot.bottom}"
    />
    ${ticks}
    <text
      class="axis-label"
      x="${(plot.left + plot.right) / 2}"
      y="${plot.bottom + 36}"
      text-anchor="middle"
    >
      ${label}
    </text>
  </g>`;
}

/** Every k-th item, k chosen so that at most `count` remain, starting with the first. */
export function spread<T>(items: readonly T[], count: number): T[] {
  const every = Math.max(1, Math.ceil(items.length / count));
  return items.filter((_, i) => i % every === 0);
}

/** The parts of a chart with a value axis: grid and labels, the marks, the horizontal axis. */
export interface AxesBody {
  readonly plot: Plot;
  readonly ticks: readonly number[];
  readonly y: (value: number) => number;
  readonly yLabel: string;
  readonly formatY?: ((value: number) => string) | undefined;
  readonly marks: Html;
  readonly labels: readonly { readonly x: number; readonly text: string }[];
  readonly xLabel: string;
}

export function axesBody(body: AxesBody): Html {
  return html`${valueAxis(body.plot, body.ticks, body.y, body.yLabel, body.formatY)}
    <g class="marks" aria-hidden="true">${body.marks}</g>
    ${categoryAxis(body.plot, body.labels, body.xLabel)}`;
}
