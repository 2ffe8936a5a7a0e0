import type { CheckRecord } from '../core/check-record.ts';
import type { CheckAnchors } from './check-anchors.ts';
import { formatDuration } from './format-time.ts';
import { renderEvidence } from './html-evidence.ts';
import { renderFacts } from './html-facts.ts';
import { renderCheckFindings } from './html-findings.ts';
import { renderSuppressionTable } from './html-suppressions.ts';
import { html, type Html } from './html-template.ts';
import { verdictBadge } from './html-verdict.ts';
import { OUTCOME_WORDING } from './verdict-wording.ts';

/** One check's drill-down: closed by default, everything a reviewer needs once opened. */
export function renderCheck(check: CheckRecord, anchors: CheckAnchors): Html {
  const { label, meaning } = OUTCOME_WORDING[check.outcome];
  const suppressions = check.suppressions ?? [];
  const facts = renderFacts([
    ['Outcome', `${label}: ${meaning}`],
    ['Check id', html`<code>${check.id}</code>`],
    ['Suite', check.suite],
    ['Covers', coverage(check)],
    ['Duration', formatDuration(check.durationMs)],
    check.reason !== undefined && ['Reason', check.reason],
    check.error !== undefined && [
      'Error',
      html`<code>${check.error.code}</code>: ${check.error.message}`,
    ],
  ]);

  return html`<details class="check" id="${anchors.of(check)}">
    <summary>${verdictBadge(check.outcome)} ${check.title}</summary>
    ${facts} ${renderCheckFindings(check)}
    ${
      suppressions.length > 0 &&
      renderSuppressionTable(suppressions, `Suppressions raised by ${check.title}`)
    }
    <h5>Evidence</h5>
    ${renderEvidence(check.evidence)}
  </details>`;
}

function coverage(check: CheckRecord): string {
  if (check.covers.length === 0) return 'no requirement';
  return check.covers.map((c) => `${c.id} (${c.scope})`).join(', ');
}
