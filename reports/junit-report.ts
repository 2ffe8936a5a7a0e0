import type { CheckRecord } from '../core/check-record.ts';
import type { Finding } from '../core/evidence.ts';
import type { RunResult } from '../core/run-result.ts';
import type { CheckOutcome } from '../core/verdict.ts';
import { groupChecks, type CheckGroup } from './check-groups.ts';
import { OUTCOME_WORDING, VERDICT_WORDING } from './verdict-wording.ts';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape.ts';

/**
 * `junit.xml` for CI: one `<testsuite>` per target and suite, one `<testcase>` per check. Harness
 * errors get a suite of their own, so that a broken run fails the CI job visibly.
 */
export function renderJunit(run: RunResult): string {
  const suites = groupChecks(run).map((group) => checkSuite(run, group));
  if (run.harnessErrors.length > 0) suites.push(harnessSuite(run));

  const total = suites.reduce((sum, suite) => add(sum, suite.tally), EMPTY_TALLY);
  const rootAttributes = {
    name: `sms-assure ${run.runId}`,
    ...tallyAttributes(total),
    time: seconds(run.durationMs),
    timestamp: junitTimestamp(run.startedAt),
  };

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes(rootAttributes)}>`,
    ...suites.flatMap((suite) => indent(suite.lines)),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Tally {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  readonly timeMs: number;
}

interface RenderedSuite {
  readonly tally: Tally;
  readonly lines: readonly string[];
}

const EMPTY_TALLY: Tally = { tests: 0, failures: 0, errors: 0, skipped: 0, timeMs: 0 };

type JunitStatus = 'passed' | 'failure' | 'error' | 'skipped';

/** How each outcome reads in JUnit's terms; a new outcome fails to compile until mapped. */
const JUNIT_STATUS: Readonly<Record<CheckOutcome, JunitStatus>> = {
  pass: 'passed',
  fail: 'failure',
  error: 'error',
  'not-applicable': 'skipped',
  skipped: 'skipped',
};

/** What each status adds inside its `<testcase>`. */
const STATUS_ELEMENTS: Readonly<Record<JunitStatus, (check: CheckRecord) => string[]>> = {
  passed: () => [],
  failure: failureElement,
  error: errorElement,
  skipped: skippedElement,
};

function checkSuite(run: RunResult, group: CheckGroup): RenderedSuite {
  const tally = group.checks.reduce((sum, check) => add(sum, tallyOf(check)), EMPTY_TALLY);
  const suiteAttributes = {
    name: `${group.target} / ${group.suite}`,
    ...tallyAttributes(tally),
    time: seconds(tally.timeMs),
    timestamp: junitTimestamp(run.startedAt),
  };

  return {
    tally,
    lines: [
      `<testsuite${attributes(suiteAttributes)}>`,
      ...indent(propertiesElement(targetProperties(run, group.target))),
      ...group.checks.flatMap((check) => indent(testcase(check))),
      '</testsuite>',
    ],
  };
}

function testcase(check: CheckRecord): string[] {
  const caseAttributes = {
    classname: check.suite,
    name: check.title,
    time: seconds(check.durationMs),
  };
  const properties = {
    'check-id': check.id,
    requirements: check.covers.map((c) => c.id).join(','),
    coverage: check.covers.map((c) => `${c.id} ${c.scope}`).join(', '),
  };

  return [
    `<testcase${attributes(caseAttributes)}>`,
    ...indent(propertiesElement(properties)),
    ...indent(STATUS_ELEMENTS[JUNIT_STATUS[check.outcome]](check)),
    '</testcase>',
  ];
}

function failureElement(check: CheckRecord): string[] {
  const first = check.findings[0];
  const failure = {
    message: first?.message ?? check.reason ?? 'The check failed without a recorded finding.',
    type: first?.code ?? 'fail',
  };
  const details = [...check.findings.map(findingText), check.reason && `reason: ${check.reason}`];

  return [`<failure${attributes(failure)}>${escapeXmlText(lines(details))}</failure>`];
}

function errorElement(check: CheckRecord): string[] {
  const cause = check.error ? `: ${check.error.code}: ${check.error.message}` : '';
  const error = {
    message: `${VERDICT_WORDING.error.label}${cause}`,
    type: check.error?.code ?? 'error',
  };
  const details = [VERDICT_WORDING.error.meaning, check.reason && `reason: ${check.reason}`];

  return [`<error${attributes(error)}>${escapeXmlText(lines(details))}</error>`];
}

function skippedElement(check: CheckRecord): string[] {
  const message = check.reason ?? OUTCOME_WORDING[check.outcome].meaning;
  return [`<skipped${attributes({ message })}/>`];
}

function harnessSuite(run: RunResult): RenderedSuite {
  const count = run.harnessErrors.length;
  const tally: Tally = { ...EMPTY_TALLY, tests: count, errors: count };
  const suiteAttributes = {
    name: 'harness',
    ...tallyAttributes(tally),
    time: seconds(0),
    timestamp: junitTimestamp(run.startedAt),
  };

  return {
    tally,
    lines: [
      `<testsuite${attributes(suiteAttributes)}>`,
      ...run.harnessErrors.flatMap((message, index) => indent(harnessCase(message, index))),
      '</testsuite>',
    ],
  };
}

function harnessCase(message: string, index: number): string[] {
  const caseAttributes = {
    classname: 'harness',
    name: `harness error ${index + 1}`,
    time: seconds(0),
  };
  const error = { message: VERDICT_WORDING.error.label, type: 'harness' };

  return [
    `<testcase${attributes(caseAttributes)}>`,
    `  <error${attributes(error)}>${escapeXmlText(message)}</error>`,
    '</testcase>',
  ];
}

function targetProperties(run: RunResult, name: string): Record<string, string> {
  const target = run.targets.find((t) => t.name === name);
  const simulated = target?.simulated
    ? `simulator, profile ${target.profile ?? 'default'}`
    : 'real';

  return {
    'run-id': run.runId,
    target: name,
    dialect: target?.dialect ?? 'unknown',
    'base-url': target?.baseUrl ?? 'unknown',
    supplier: target ? simulated : 'unknown',
  };
}

function propertiesElement(properties: Record<string, string>): string[] {
  const entries = Object.entries(properties).filter(([, value]) => value !== '');
  if (entries.length === 0) return [];

  return [
    '<properties>',
    ...entries.map(([name, value]) => `  <property${attributes({ name, value })}/>`),
    '</properties>',
  ];
}

function findingText(finding: Finding): string {
  const about = finding.requirement ? ` (${finding.requirement})` : '';
  return lines([
    `${finding.code}${about}: ${finding.message}`,
    finding.expected !== undefined && `  expected: ${finding.expected}`,
    finding.actual !== undefined && `  actual: ${finding.actual}`,
    finding.path !== undefined && `  at: ${finding.path}`,
    finding.severity !== undefined && `  severity: ${finding.severity}`,
  ]);
}

function tallyOf(check: CheckRecord): Tally {
  const status = JUNIT_STATUS[check.outcome];
  return {
    tests: 1,
    failures: status === 'failure' ? 1 : 0,
    errors: status === 'error' ? 1 : 0,
    skipped: status === 'skipped' ? 1 : 0,
    timeMs: check.durationMs,
  };
}

function add(a: Tally, b: Tally): Tally {
  return {
    tests: a.tests + b.tests,
    failures: a.failures + b.failures,
    errors: a.errors + b.errors,
    skipped: a.skipped + b.skipped,
    timeMs: a.timeMs + b.timeMs,
  };
}

function tallyAttributes(tally: Tally): Record<string, string> {
  return {
    tests: String(tally.tests),
    failures: String(tally.failures),
    errors: String(tally.errors),
    skipped: String(tally.skipped),
  };
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

function lines(parts: readonly (string | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
}

function indent(block: readonly string[]): string[] {
  return block.map((line) => `  ${line}`);
}

function seconds(durationMs: number): string {
  return (durationMs / 1000).toFixed(3);
}

/** JUnit's schema wants a local ISO time without zone or fraction; the run records UTC. */
function junitTimestamp(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 19);
}
