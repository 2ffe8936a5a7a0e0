import { html, type Html, type HtmlValue } from './html-template.ts';

/** A table with a caption and column headings; each row's first cell heads the row. */
export function renderTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly HtmlValue[])[],
): Html {
  const cells = (row: readonly HtmlValue[]) =>
    row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`));

  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${head.map((cell) => html`<th scope="col">${cell}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${cells(row)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
