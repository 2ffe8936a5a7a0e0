import type { CheckRecord } from '../core/check-record.ts';
import type { TargetResult } from '../core/run-result.ts';
import type { CheckAnchors } from './check-anchors.ts';
import type { CheckGroup } from './check-groups.ts';
import { renderTargetCharts } from './html-charts.ts';
import { renderCheck } from './html-check.ts';
import { renderTargetFindings } from './html-findings.ts';
import { renderMatrix } from './html-matrix.ts';
import { html, type Html } from './html-template.ts';
import { endpointKind, supplierOf } from './target-supplier.ts';

/** Everything about one target: its matrix, what was found, and every check behind it. */
export function renderTarget(
  target: TargetResult,
  index: number,
  groups: readonly CheckGroup[],
  anchors: CheckAnchors,
): Html {
  const id = `target-${index}`;
  const checks = groups.flatMap((group) => group.checks);

  return html`<section class="target" id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">Target: ${target.name}</h2>
    <p class="meta">
      ${supplierOf(target)} · ${target.dialect} dialect · ${endpointKind(target)} ·
      <code>${target.baseUrl}</code>
    </p>
    <h3>Requirement matrix</h3>
    ${renderMatrix(target, anchors)}
    <h3>Findings</h3>
    ${renderTargetFindings(checks, anchors)}
    <h3>Charts</h3>
    ${renderTargetCharts(checks, index)}
    <h3>Checks</h3>
    ${renderCheckGroups(groups, anchors)}
  </section>`;
}

export function renderCheckGroups(groups: readonly CheckGroup[], anchors: CheckAnchors): Html {
  if (groups.length === 0) return html`<p>No check ran against this target.</p>`;

  return html`${groups.map(
    (group) =>
      html`<h4>Suite: ${group.suite}</h4>
        ${group.checks.map((check: CheckRecord) => renderCheck(check, anchors))}`,
  )}`;
}
