import type { SuppressionEntry } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';
import { html, type Html } from './html-template.ts';
import { REPORT_FILE_NAMES } from './report-files.ts';

/** The run's suppression list: numbers the service should stop texting, already masked. */
export function renderSuppressions(run: RunResult): Html {
  return html`<section id="suppressions" aria-labelledby="suppressions-title">
    <h2 id="suppressions-title">Suppression list</h2>
    <p>
      Messages the harness judged permanently undeliverable: the service should stop texting these
      numbers. Numbers are masked;
      <a href="${REPORT_FILE_NAMES.suppressions}">${REPORT_FILE_NAMES.suppressions}</a> holds the
      same list for tools.
    </p>
    ${
      run.suppressions.length === 0
        ? html`<p>No message was judged permanently undeliverable.</p>`
        : renderSuppressionTable(run.suppressions, 'Suppression list')
    }
  </section>`;
}

export function renderSuppressionTable(
  entries: readonly SuppressionEntry[],
  caption: string,
): Html {
  const rows = entries.map(
    (entry) =>
      html`<tr>
        <th scope="row">${entry.target}</th>
        <td><code>${entry.reference}</code></td>
        <td><code>${entry.messageId}</code></td>
        <td><code>${entry.maskedNumber}</code></td>
        <td><code>${entry.providerStatus}</code></td>
      </tr>`,
  );

  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Target</th>
        <th scope="col">Reference</th>
        <th scope="col">Message id</th>
        <th scope="col">Number (masked)</th>
        <th scope="col">Provider status</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
