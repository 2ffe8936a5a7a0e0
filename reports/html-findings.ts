import type { CheckRecord } from '../core/check-record.ts';
import type { Finding } from '../core/evidence.ts';
import type { CheckAnchors } from './check-anchors.ts';
import { html, type Html } from './html-template.ts';
import { remedyFor } from './remedies.ts';

/** The findings of a target's checks, each with what to do and the check that found it. */
export function renderTargetFindings(checks: readonly CheckRecord[], anchors: CheckAnchors): Html {
  const rows = checks.flatMap((check) =>
    check.findings.map((finding) => findingRow(finding, checkLink(check, anchors))),
  );
  if (rows.length === 0) return html`<p>No findings.</p>`;

  return findingsTable('Findings', rows, true);
}

/** The findings of one check, inside its drill-down. */
export function renderCheckFindings(check: CheckRecord): Html {
  if (check.findings.length === 0) return html``;

  const rows = check.findings.map((finding) => findingRow(finding));
  return findingsTable(`Findings of ${check.title}`, rows, false);
}

function findingsTable(caption: string, rows: readonly Html[], withCheck: boolean): Html {
  return html`<table class="findings">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Code</th>
        <th scope="col">Requirement</th>
        <th scope="col">Message</th>
        <th scope="col">Expected</th>
        <th scope="col">Actual</th>
        <th scope="col">What to do</th>
        ${withCheck && html`<th scope="col">Check</th>`}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function findingRow(finding: Finding, check?: Html): Html {
  return html`<tr>
    <th scope="row">
      <code>${finding.code}</code>${
        finding.severity !== undefined &&
        html`<br /><span class="meta">severity ${finding.severity}</span>`
      }${
        finding.path !== undefined &&
        html`<br /><span class="meta">at <code>${finding.path}</code></span>`
      }
    </th>
    <td>${finding.requirement ?? '—'}</td>
    <td>${finding.message}</td>
    <td>${value(finding.expected)}</td>
    <td>${value(finding.actual)}</td>
    <td class="remedy">${remedyFor(finding)}</td>
    ${check !== undefined && html`<td>${check}</td>`}
  </tr>`;
}

function checkLink(check: CheckRecord, anchors: CheckAnchors): Html {
  return html`<a href="#${anchors.of(check)}">${check.title}</a>`;
}

function value(text: string | undefined): Html {
  return text === undefined ? html`—` : html`<code>${text}</code>`;
}
