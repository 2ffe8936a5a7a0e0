import type { RunResult } from '../core/run-result.ts';
import { html, type Html } from './html-template.ts';

/** Failures of the harness itself: they explain verdicts that could not be judged. */
export function renderHarnessErrors(run: RunResult): Html {
  const body =
    run.harnessErrors.length === 0
      ? html`<p>The harness reported no errors of its own.</p>`
      : html`<p>
            These are failures of the harness or the network, not of any supplier. Verdicts they
            touch read “could not be judged”.
          </p>
          <ul>
            ${run.harnessErrors.map((error) => html`<li><pre>${error}</pre></li>`)}
          </ul>`;

  return html`<section id="harness-errors" aria-labelledby="harness-errors-title">
    <h2 id="harness-errors-title">Harness errors</h2>
    ${body}
  </section>`;
}
