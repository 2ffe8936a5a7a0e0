import { renderTable } from '../html-table.ts';
import { html, type Html, type HtmlValue } from '../html-template.ts';

/** A chart's data as a table: the alternative for people who cannot see the drawing. */
export interface DataTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly HtmlValue[])[];
}

/** What every chart is called and says about itself. */
export interface ChartText {
  /** Unique in the page; the title and description get ids derived from it. */
  readonly id: string;
  readonly title: string;
  /** What the chart shows, in words: screen readers announce it with the title. */
  readonly description: string;
}

export interface ChartFrame extends ChartText {
  readonly width: number;
  readonly height: number;
  /** The marks, axes and legend, in the SVG's own coordinates. */
  readonly body: Html;
  readonly table: DataTable;
}

/**
 * A chart as a figure: inline SVG (no script, no external asset, so the page's content security
 * policy stays closed) with a title and description, followed by its data as a table.
 */
export function chartFigure(frame: ChartFrame): Html {
  const { id, width, height } = frame;

  return html`<figure class="chart" id="${id}">
    <figcaption>${frame.title}</figcaption>
    <svg
      class="chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-labelledby="${id}-title ${id}-desc"
    >
      <title id="${id}-title">${frame.title}</title>
      <desc id="${id}-desc">${frame.description}</desc>
      ${frame.body}
    </svg>
    <details class="chart-data">
      <summary>${frame.title}: data table</summary>
      ${renderTable(frame.title, frame.table.head, frame.table.rows)}
    </details>
  </figure>`;
}

/** A chart that has nothing to draw still says so where the chart would be. */
export function emptyChart(title: string, why: string): Html {
  return html`<figure class="chart chart-empty">
    <figcaption>${title}</figcaption>
    <p class="note">${why}</p>
  </figure>`;
}
