import type { SuppressionEntry } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';
import { html, type Html } from './html-template.ts';
import { REPORT_FILE_NAMES } from './report-files.ts';
import { renderTable } from './html-table.ts';

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
  const code = (text: string) => html`<code>${text}</code>`;
  const head = ['Target', 'Reference', 'Message id', 'Number (masked)', 'Provider status'];

  return renderTable(
    caption,
    head,
    entries.map((e) => [
      e.target,
      code(e.reference),
      code(e.messageId),
      code(e.maskedNumber),
      code(e.providerStatus),
    ]),
  );
}
