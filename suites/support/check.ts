import * as allure from 'allure-js-commons';
import { describe, test } from 'vitest';
import type { CheckRecord, SuppressionEntry } from '../../core/check-record.ts';
import { AssureError, HarnessError, ProviderResponseError } from '../../core/errors.ts';
import type { Evidence, Finding, RaisedFinding } from '../../core/evidence.ts';
import { Redactor } from '../../core/redact.ts';
import type { ResolvedTarget } from '../../core/target.ts';
import type { CheckOutcome, CoverageScope } from '../../core/verdict.ts';
import type { ProviderAdapter } from '../../providers/contract.ts';
import { createAdapter } from '../../providers/registry.ts';
import { checkBudgetMs } from './check-budget.ts';
import { providedTargets } from './provided.ts';

export interface CheckSpec {
  readonly id: string;
  readonly title: string;
  /** Requirement ids this check evidences; a `partial` one cannot alone make a requirement pass. */
  readonly covers: readonly (string | { readonly id: string; readonly scope: CoverageScope })[];
}

export interface CheckContext {
  readonly target: ResolvedTarget;
  readonly adapter: ProviderAdapter;
  readonly redactor: Redactor;
  /** An adapter using the target's test credentials, where it has them besides its main ones. */
  testAdapter(): ProviderAdapter | undefined;
  evidence(item: Evidence): void;
  note(text: string): void;
  /** Records what the supplier got wrong; the check fails once its body has run. */
  finding(finding: RaisedFinding): void;
  suppress(entry: Omit<SuppressionEntry, 'target'>): void;
  /** Says a covered requirement could not be judged this time; it then evidences nothing. */
  unjudged(requirement: string, reason: string): void;
  /** Ends the check: the requirement does not apply to this target. */
  notApplicable(reason: string): never;
  /** Ends the check: it cannot run on this target, so it evidences nothing either way. */
  skip(reason: string): never;
}

class EndedEarly extends Error {
  constructor(
    readonly outcome: 'not-applicable' | 'skipped',
    reason: string,
  ) {
    super(reason);
  }
}

declare module 'vitest' {
  interface TaskMeta {
    check?: CheckRecord;
  }
}

/** Declares the suite's checks once per target of the run. */
export function forEachTarget(suite: string, declare: (target: ResolvedTarget) => void): void {
  for (const target of providedTargets()) {
    describe(`${target.name} · ${suite}`, () => declare(target));
  }
}

/**
 * A check is a vitest test that keeps a record: what it covers, the evidence it saw, and its
 * outcome, told apart as a supplier failure (`fail`) or a harness or network failure (`error`).
 */
export function check(
  suite: string,
  target: ResolvedTarget,
  spec: CheckSpec,
  body: (c: CheckContext) => Promise<void>,
): void {
  test(spec.title, async ({ task }) => {
    const started = Date.now();
    const evidence: Evidence[] = [];
    const findings: RaisedFinding[] = [];
    const suppressions: SuppressionEntry[] = [];
    const unjudged = new Set<string>();
    const redactor = redactorFor(target);
    const adapter = createAdapter(target, { redactor, sink: (e) => evidence.push(e) });

    const context: CheckContext = {
      target,
      adapter,
      redactor,
      testAdapter: () => testAdapterFor(target, redactor, (e) => evidence.push(e)),
      evidence: (item) => evidence.push(item),
      note: (text) => evidence.push({ kind: 'note', text: redactor.text(text) }),
      finding: (finding) => findings.push(finding),
      suppress: (entry) => suppressions.push({ ...entry, target: target.name }),
      unjudged: (requirement, reason) => {
        unjudged.add(requirement);
        evidence.push({ kind: 'note', text: `${requirement} not judged: ${reason}` });
      },
      notApplicable: (reason) => {
        throw new EndedEarly('not-applicable', reason);
      },
      skip: (reason) => {
        throw new EndedEarly('skipped', reason);
      },
    };

    let outcome: CheckOutcome = 'pass';
    let reason: string | undefined;
    let error: CheckRecord['error'];
    try {
      await withinBudget(body(context), checkBudgetMs(target));
      if (findings.length > 0) outcome = 'fail';
    } catch (thrown) {
      ({ outcome, reason, error } = classify(thrown, findings, redactor));
    }

    const record: CheckRecord = {
      id: `${suite}/${spec.id}`,
      title: spec.title,
      suite,
      target: target.name,
      covers: spec.covers.map((c) => (typeof c === 'string' ? { id: c, scope: 'full' } : c)),
      outcome,
      ...(reason ? { reason } : {}),
      findings,
      evidence,
      durationMs: Date.now() - started,
      ...(error ? { error } : {}),
      ...(suppressions.length > 0 ? { suppressions } : {}),
      ...(unjudged.size > 0 ? { unjudged: [...unjudged] } : {}),
    };
    task.meta.check = record;
    await describeForAllure(record);

    if (outcome === 'fail') throw new Error(summarise(findings));
    if (outcome === 'error') throw new Error(`${error?.code}: ${error?.message}`);
  });
}

async function withinBudget(work: Promise<void>, budgetMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new HarnessError('ASSURE_CHECK_TIMEOUT', `the check ran past its ${budgetMs} ms budget`),
      );
    }, budgetMs);
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Allure gets the same redacted record as every other report, as an attachment. */
async function describeForAllure(record: CheckRecord) {
  await allure.epic(record.target);
  await allure.feature(record.suite);
  for (const cover of record.covers) await allure.tag(cover.id);
  await allure.attachment('check record', JSON.stringify(record, null, 2), 'application/json');
}

function classify(thrown: unknown, findings: RaisedFinding[], redactor: Redactor) {
  if (thrown instanceof EndedEarly) {
    return { outcome: thrown.outcome, reason: thrown.message, error: undefined };
  }

  const message = redactor.text(thrown instanceof Error ? thrown.message : String(thrown));
  const code = thrown instanceof AssureError ? thrown.code : 'ASSURE_UNEXPECTED';

  // The supplier's own answer was wrong: that is a finding, whatever the check was doing.
  if (thrown instanceof ProviderResponseError) {
    findings.push({ code: thrown.code, message, ...pathOf(thrown) });
    return { outcome: 'fail' as const, reason: undefined, error: undefined };
  }
  return { outcome: 'error' as const, reason: message, error: { code, message } };
}

function pathOf(thrown: unknown): { path?: string } {
  const path = (thrown as { path?: unknown }).path;
  return typeof path === 'string' && path ? { path } : {};
}

function summarise(findings: readonly Finding[]): string {
  return findings.map((f) => `[${f.requirement ?? '-'}] ${f.code}: ${f.message}`).join('\n');
}

function testAdapterFor(
  target: ResolvedTarget,
  redactor: Redactor,
  sink: (e: Evidence) => void,
): ProviderAdapter | undefined {
  if (target.keyType === 'test') return createAdapter(target, { redactor, sink });

  // A credential or option named `testX` stands in for `x` (Notify's testApiKey, Twilio's
  // testAccountSid, testAuthToken and testFrom).
  const credentials = testOnes(target.credentials);
  if (Object.keys(credentials).length === 0) return undefined;
  const options = { ...target.options, ...testOnes(target.options) };
  const testTarget = { ...target, keyType: 'test' as const, credentials, options };
  return createAdapter(testTarget, { redactor, sink });
}

function testOnes(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) =>
      /^test[A-Z]/.test(name) ? [[name.charAt(4).toLowerCase() + name.slice(5), value]] : [],
    ),
  );
}

function redactorFor(target: ResolvedTarget): Redactor {
  const redactor = new Redactor();
  for (const value of Object.values(target.credentials)) redactor.secret(value);
  redactor.secret(target.callback?.bearerToken);

  const { numbers } = target;
  const all = [
    ...numbers.delivered,
    ...numbers.temporaryFailure,
    ...numbers.permanentFailure,
    ...numbers.technicalFailure,
    ...numbers.smoke,
    ...target.allowList,
    ...(target.sender.replies ? [target.sender.replies.shown] : []),
  ];
  for (const number of all) redactor.number(number);
  return redactor;
}
