import type { CheckRecord } from '../core/check-record.ts';
import type { Finding } from '../core/evidence.ts';
import { knownDeviation } from '../core/expectations.ts';
import type { RunResult, TargetResult } from '../core/run-result.ts';
import { exitCodeMeaning } from './exit-code.ts';
import type { History } from './history.ts';
import { escapeMarkdown } from './markdown-escape.ts';
import { REPORT_FILE_NAMES } from './report-files.ts';
import { remedyFor } from './remedies.ts';
import { endpointKind, supplierOf } from './target-supplier.ts';
import { expectationsSummary } from './summary-expectations.ts';
import { MAX_TARGET_MATRICES, targetOverview } from './summary-targets.ts';
import { trendSummary } from './summary-trends.ts';
import {
  attestationText,
  countOutcomes,
  countVerdicts,
  groupedMatrix,
  requirementMatrix,
  type MatrixRow,
} from './requirement-matrix.ts';
import {
  JUDGEMENTS,
  VERDICT_WORDING,
  isOutcome,
  isVerdict,
  judgementText,
} from './verdict-wording.ts';

/** Past this many, list items are left to the HTML report, to keep a CI page short. */
const MAX_ITEMS = 20;

/** `summary.md`: a short page for a CI job, pointing at the full reports beside it. */
export function renderSummary(run: RunResult, history?: History): string {
  const sections = [
    headline(run),
    ...(run.targets.length > MAX_TARGET_MATRICES
      ? [targetOverview(run.targets)]
      : run.targets.map(targetMatrix)),
    failingFindings(run),
    expectationsSummary(run),
    trendSummary(run, history),
    harnessErrors(run),
    fileLinks(),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function headline(run: RunResult): string {
  const requirements = countVerdicts(
    run.targets.flatMap((t) => requirementMatrix(t).map((row) => row.verdict)),
  );
  const checks = countOutcomes(run.checks.map((c) => c.outcome));
  const rows = JUDGEMENTS.map((judgement) => {
    const requirementCount = isVerdict(judgement) ? String(requirements[judgement]) : '';
    const checkCount = isOutcome(judgement) ? String(checks[judgement]) : '';
    return `| ${judgementText(judgement)} | ${requirementCount} | ${checkCount} |`;
  });

  return [
    `# sms-assure run ${escapeMarkdown(run.runId)}`,
    '',
    `**Exit code ${run.exitCode}** — ${exitCodeMeaning(run.exitCode)}.`,
    '',
    `${plural(run.targets.length, 'target')}, ${plural(run.checks.length, 'check')}.`,
    '',
    '| Verdict | Requirements | Checks |',
    '| --- | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function targetMatrix(target: TargetResult): string {
  const matrix = groupedMatrix(target).flatMap((group) => group.rows);
  const judged = matrix.filter((row) => row.verdict !== 'not-evidenced');
  const unjudged = matrix.filter((row) => row.verdict === 'not-evidenced').map((row) => row.id);

  return [
    `## ${escapeMarkdown(target.name)}`,
    '',
    escapeMarkdown(
      `${supplierOf(target)} · ${target.dialect} · ${endpointKind(target)} · ${target.baseUrl}`,
    ),
    '',
    ...(judged.length > 0 ? [...MATRIX_HEAD, ...judged.map(matrixRow), ''] : []),
    unjudged.length > 0
      ? `${judgementText('not-evidenced')} (${VERDICT_WORDING['not-evidenced'].meaning}): ` +
        `${escapeMarkdown(unjudged.join(', '))}.`
      : 'Every requirement in the catalogue has a verdict.',
    ...attestations(matrix),
  ].join('\n');
}

/** The supplier's statements, kept apart from the verdicts that checks observed. */
function attestations(matrix: readonly MatrixRow[]): string[] {
  const lines = matrix.flatMap((row) =>
    row.attestation
      ? [`- ${escapeMarkdown(`${row.id}: ${attestationText(row.attestation)}`)}`]
      : [],
  );
  if (lines.length === 0) return [];

  return ['', 'Attestations by the supplier (stated, not tested):', '', ...lines];
}

const MATRIX_HEAD = ['| Requirement | Level | Verdict |', '| --- | --- | --- |'];

function matrixRow(row: MatrixRow): string {
  const requirement = escapeMarkdown(`${row.id} ${row.title}`);
  return `| ${requirement} | ${escapeMarkdown(row.level)} | ${judgementText(row.verdict)} |`;
}

function failingFindings(run: RunResult): string {
  const failing = run.checks
    .filter((check) => check.outcome === 'fail')
    .flatMap((check) => check.findings.map((finding) => findingLine(run, check, finding)));
  if (failing.length === 0) return '';

  return ['## Failing findings', '', ...capped(failing)].join('\n');
}

function findingLine(run: RunResult, check: CheckRecord, finding: Finding): string {
  const requirement =
    finding.requirement ?? (check.covers.map((c) => c.id).join(', ') || `contract: ${check.id}`);
  const values = [
    finding.expected !== undefined && `expected ${finding.expected}`,
    finding.actual !== undefined && `actual ${finding.actual}`,
  ].filter((v): v is string => typeof v === 'string');
  const detail = values.length > 0 ? ` (${values.join('; ')})` : '';

  const known = knownDeviation(deviationsOf(run, check.target), check, finding) ? 'known · ' : '';
  const code = finding.severity ? `${finding.code} (${finding.severity})` : finding.code;
  const text = `${known}${check.target} · ${requirement} · ${code}: ${finding.message}${detail}`;
  return `- ${escapeMarkdown(text)}\n  What to do: ${escapeMarkdown(remedyFor(finding))}`;
}

function harnessErrors(run: RunResult): string {
  if (run.harnessErrors.length === 0) return '';

  return [
    '## Harness errors',
    '',
    'Failures of the harness or the network, not of any supplier.',
    '',
    ...capped(run.harnessErrors.map((e) => `- ${escapeMarkdown(e)}`)),
  ].join('\n');
}

function capped(items: readonly string[]): string[] {
  const more = items.length - MAX_ITEMS;
  if (more <= 0) return [...items];

  return [
    ...items.slice(0, MAX_ITEMS),
    `- … and ${more} more in [the HTML report](${REPORT_FILE_NAMES.html})`,
  ];
}

function fileLinks(): string {
  const files = Object.values(REPORT_FILE_NAMES).filter((f) => f !== REPORT_FILE_NAMES.summary);
  return ['## Files', '', files.map((file) => `[${file}](${file})`).join(' · ')].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function deviationsOf(run: RunResult, target: string) {
  return run.expectations?.find((e) => e.target === target)?.deviations ?? [];
}
