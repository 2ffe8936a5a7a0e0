import { expect, test } from 'vitest';
import type { RunResult } from '../core/run-result.ts';
import { findAll, parseMarkup, textOf, type MarkupElement } from './fixtures/parse-markup.ts';
import { runResultFixture } from './fixtures/run-result.ts';
import { renderJunit } from './junit-report.ts';

const run = runResultFixture();
const xml = renderJunit(run);
const root = parseMarkup(xml, 'xml').children[0]!;
const suites = findAll(root, 'testsuite');

test('parses as XML with one suite per target and suite, plus one for harness errors', () => {
  expect(root.name).toBe('testsuites');
  expect(suites.map((s) => s.attributes.name)).toEqual([
    'notify-sim / send',
    'notify-sim / receipts',
    'notify-sim / delivery-errors',
    'notify-sandbox / send',
    'notify-sandbox / delivery-errors',
    'notify-sandbox / smoke',
    'harness',
  ]);
});

test('the counts in the attributes match the elements, overall and per suite', () => {
  for (const element of [root, ...suites]) {
    expect(counts(element)).toEqual({
      tests: Number(element.attributes.tests),
      failures: Number(element.attributes.failures),
      errors: Number(element.attributes.errors),
      skipped: Number(element.attributes.skipped),
    });
  }
  expect(counts(root)).toEqual({ tests: 9, failures: 1, errors: 2, skipped: 2 });
});

test('a test case is a check: suite as class, title as name, requirements as properties', () => {
  const cases = findAll(root, 'testcase').filter((c) => c.attributes.classname !== 'harness');

  expect(cases.map((c) => [c.attributes.classname, c.attributes.name])).toEqual(
    expect.arrayContaining(run.checks.map((check) => [check.suite, check.title])),
  );
  expect(cases).toHaveLength(run.checks.length);

  const failing = cases.find((c) => findAll(c, 'failure').length > 0)!;
  expect(property(failing, 'requirements')).toBe('SID-01');
  expect(textOf(findAll(failing, 'failure')[0]!)).toMatchInlineSnapshot(`
    "sender_id_altered (SID-01): The handset received the message from a different sender ID.
      expected: GOVUK
      actual: GOVUK-SMS
      at: $.content.from_number"
  `);
});

test('an error reads as could not be judged, with the harness code', () => {
  const [error] = findAll(suites[1]!, 'error');

  expect(error?.attributes.message).toMatch(/^Could not be judged: harness or network error/);
  expect(error?.attributes.type).toBe('ASSURE_TRANSPORT');
});

test('escapes markup and strips characters XML cannot carry', () => {
  const hostile = 'Sender <"GOVUK"> & \'co\'\u0000\u0001\u001b\uffff\ud800 ]]> done';
  const changed: RunResult = runResultFixture();
  changed.checks[1]!.title = hostile;
  changed.checks[1]!.findings[0]!.message = `multi\nline\ttext ${hostile}`;

  const parsed = parseMarkup(renderJunit(changed), 'xml');
  const failing = findAll(parsed, 'testcase').find((c) => findAll(c, 'failure').length > 0)!;

  expect(failing.attributes.name).toBe('Sender <"GOVUK"> & \'co\' ]]> done');
  expect(findAll(failing, 'failure')[0]!.attributes.message).toBe(
    'multi\nline\ttext Sender <"GOVUK"> & \'co\' ]]> done',
  );
});

function counts(element: MarkupElement): Record<string, number> {
  return {
    tests: findAll(element, 'testcase').length,
    failures: findAll(element, 'failure').length,
    errors: findAll(element, 'error').length,
    skipped: findAll(element, 'skipped').length,
  };
}

function property(testcase: MarkupElement, name: string): string | undefined {
  return findAll(testcase, 'property').find((p) => p.attributes.name === name)?.attributes.value;
}

test("a failure's text names each finding's severity where it has one", () => {
  const changed = runResultFixture();
  changed.checks[1]!.findings[0]!.severity = 'medium';
  const failures = findAll(parseMarkup(renderJunit(changed), 'xml'), 'failure');

  expect(failures.map(textOf).join('\n')).toContain('  severity: medium');
  expect(xml).not.toContain('severity:');
});
