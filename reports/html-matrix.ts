import type { TargetResult } from '../core/run-result.ts';
import type { CheckAnchors } from './check-anchors.ts';
import { html, type Html } from './html-template.ts';
import { verdictBadge } from './html-verdict.ts';
import {
  attestationText,
  groupedMatrix,
  matrixNote,
  type MatrixGroup,
  type MatrixRow,
} from './requirement-matrix.ts';

const COLUMNS = 6;

/**
 * A target's requirement matrix: every catalogued requirement, with the evidence behind it,
 * grouped by level. Each group is a row group whose header row names it, so a screen reader
 * announces the level with each requirement.
 */
export function renderMatrix(target: TargetResult, anchors: CheckAnchors): Html {
  const groups = groupedMatrix(target).map((group) => matrixGroup(target.name, group, anchors));

  return html`<table class="matrix">
    <caption>
      Requirement matrix for ${target.name}
    </caption>
    <thead>
      <tr>
        <th scope="col">Id</th>
        <th scope="col">Level</th>
        <th scope="col">Requirement</th>
        <th scope="col">Evidence kind</th>
        <th scope="col">Verdict</th>
        <th scope="col">Evidence in this run</th>
      </tr>
    </thead>
    ${groups}
  </table>`;
}

function matrixGroup(target: string, group: MatrixGroup, anchors: CheckAnchors): Html {
  return html`<tbody class="level-group">
    <tr>
      <th scope="rowgroup" colspan="${COLUMNS}">
        ${group.heading} <span class="meta">— ${group.meaning}</span>
      </th>
    </tr>
    ${group.rows.map((row) => matrixRow(target, row, anchors))}
  </tbody>`;
}

function matrixRow(target: string, row: MatrixRow, anchors: CheckAnchors): Html {
  return html`<tr>
    <th scope="row">${row.id}</th>
    <td>${row.level}</td>
    <td>${row.title}</td>
    <td>${row.evidenceKind}</td>
    <td>${verdictBadge(row.verdict)}</td>
    <td>${evidenceCell(target, row, anchors)}</td>
  </tr>`;
}

/**
 * What the checks observed and what the supplier stated are shown apart: a reviewer must never
 * mistake a claim for a test.
 */
function evidenceCell(target: string, row: MatrixRow, anchors: CheckAnchors): Html {
  const note = matrixNote(row);
  const links = row.checks.map((id, index) => {
    const anchor = anchors.find(target, id);
    const separator = index > 0 ? ', ' : '';
    return anchor ? html`${separator}<a href="#${anchor}">${id}</a>` : html`${separator}${id}`;
  });
  const tested = links.length > 0 && (row.attestation ? html`Tested: ${links}` : html`${links}`);
  const attested =
    row.attestation && html`<p class="attestation">${attestationText(row.attestation)}</p>`;

  return html`${tested}${attested}${note !== undefined && html`<span class="note">${note}</span>`}`;
}
