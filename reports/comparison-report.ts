import { createHash } from 'node:crypto';
import type { RunResult, TargetResult } from '../core/run-result.ts';
import { CheckAnchors } from './check-anchors.ts';
import { REPORT_CSS } from './html-styles.ts';
import { html, trusted, type Html } from './html-template.ts';
import { verdictBadge } from './html-verdict.ts';
import { requirementMatrix, type MatrixRow } from './requirement-matrix.ts';

/** A run to compare, and the address of its `report.html` as seen from the comparison page. */
export interface ComparedRun {
  readonly run: RunResult;
  readonly reportHref: string;
}

/** One column: a target of one run, with what its cells link into. */
interface Column {
  readonly label: string;
  readonly rows: ReadonlyMap<string, MatrixRow>;
  readonly linkTo: (row: MatrixRow) => string;
}

// Wide comparisons scroll sideways rather than squeeze every column to a word.
const COMPARISON_CSS = `${REPORT_CSS}.scroll{overflow-x:auto}\n.scroll table{width:auto}\n`;

/**
 * `comparison.html`: the verdicts of every target of several runs side by side, one row per
 * requirement, each cell linking to the check behind it in that run's own report. Like
 * `report.html` it is one self-contained page that loads nothing.
 */
export function renderComparison(runs: readonly ComparedRun[]): string {
  const columns = runs.flatMap(columnsOf);
  const requirements = requirementsOf(columns);

  const table = html`<div class="scroll">
    <table class="comparison">
      <caption>
        Verdict per requirement and supplier
      </caption>
      <thead>
        <tr>
          <th scope="col">Requirement</th>
          ${columns.map((column) => html`<th scope="col">${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${requirements.map((requirement) => row(requirement, columns))}
      </tbody>
    </table>
  </div>`;

  return page(runs, table).value;
}

function columnsOf({ run, reportHref }: ComparedRun): Column[] {
  const anchors = new CheckAnchors(run.checks);

  return run.targets.map((target, index) => ({
    label: `${run.runId} · ${target.name}`,
    rows: new Map(requirementMatrix(target).map((r) => [r.id, r])),
    linkTo: (row) => `${reportHref}#${anchorOf(target, index, row, anchors)}`,
  }));
}

/** The first check behind the verdict; with none, the target's section of the report. */
function anchorOf(target: TargetResult, index: number, row: MatrixRow, anchors: CheckAnchors) {
  const check = row.checks[0];
  const anchor = check === undefined ? undefined : anchors.find(target.name, check);
  return anchor ?? `target-${index}`;
}

/** Every requirement any column reports, catalogue order first, as each matrix lists them. */
function requirementsOf(columns: readonly Column[]): MatrixRow[] {
  const seen = new Map<string, MatrixRow>();
  for (const column of columns) {
    for (const [id, requirement] of column.rows) if (!seen.has(id)) seen.set(id, requirement);
  }
  return [...seen.values()];
}

function row(requirement: MatrixRow, columns: readonly Column[]): Html {
  const cells = columns.map((column) => {
    const found = column.rows.get(requirement.id);
    if (!found) return html`<td>not in this run</td>`;
    return html`<td><a href="${column.linkTo(found)}">${verdictBadge(found.verdict)}</a></td>`;
  });

  return html`<tr>
    <th scope="row">${requirement.id} <span class="note">${requirement.title}</span></th>
    ${cells}
  </tr>`;
}

function page(runs: readonly ComparedRun[], table: Html): Html {
  const ids = runs.map((r) => r.run.runId).join(', ');
  const listed = runs.map(
    ({ run, reportHref }) =>
      html`<li>
        <a href="${reportHref}">${run.runId}</a>: started ${run.startedAt}, sms-assure
        ${run.harnessVersion}, suites ${run.suites.join(', ')}
      </li>`,
  );

  return html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />
        <title>sms-assure comparison: ${ids}</title>
        ${trusted(`<style>${COMPARISON_CSS}</style>`)}
      </head>
      <body>
        <main>
          <h1>Suppliers compared</h1>
          <p>Each cell links to the check behind the verdict in that run's report.</p>
          <ul>
            ${listed}
          </ul>
          ${table}
        </main>
      </body>
    </html>`;
}

function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(COMPARISON_CSS).digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
