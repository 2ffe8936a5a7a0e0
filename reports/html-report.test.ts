import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../core/requirements.ts';
import type { RunResult } from '../core/run-result.ts';
import {
  findAll,
  ownText,
  parseMarkup,
  textOf,
  type MarkupElement,
} from './fixtures/parse-markup.ts';
import { XSS_BODY, runResultFixture } from './fixtures/run-result.ts';
import { renderHtmlReport } from './html-report.ts';
import { FINDING_REMEDIES, REQUIREMENT_REMEDIES } from './remedies.ts';

const run = runResultFixture();
const page = renderHtmlReport(run);
const document = parseMarkup(page, 'html');

describe('self-contained', () => {
  test('no element loads anything from the network', () => {
    const offending = everyElement(document).flatMap((element) =>
      Object.entries(element.attributes)
        .filter(([name]) => ['src', 'href', 'srcset', 'action', 'poster', 'data'].includes(name))
        .filter(([, value]) => /^\s*(?:[a-z][\w+.-]*:|\/\/)/i.test(value))
        .map(([name, value]) => `<${element.name} ${name}="${value}">`),
    );

    expect(offending).toEqual([]);
    expect(page).not.toMatch(/@import|url\(\s*['"]?(?:https?:)?\/\//i);
    for (const name of ['link', 'img', 'iframe', 'object', 'embed', 'base', 'form']) {
      expect(findAll(document, name)).toHaveLength(0);
    }
  });

  test('its content security policy allows only the inline style and script, by hash', () => {
    const policy = findAll(document, 'meta').find(
      (meta) => meta.attributes['http-equiv'] === 'Content-Security-Policy',
    )?.attributes.content;
    const [style] = findAll(document, 'style');
    const scripts = findAll(document, 'script');

    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`style-src '${sha256(style ? ownText(style) : '')}'`);
    expect(scripts).toHaveLength(1);
    expect(policy).toContain(`script-src '${sha256(scripts[0] ? ownText(scripts[0]) : '')}'`);
  });
});

describe('escaping', () => {
  test('a script in a response body renders as inert text', () => {
    expect(page).not.toContain(XSS_BODY);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(findAll(document, 'script')).toHaveLength(1);

    const pre = findAll(document, 'pre').find((p) => ownText(p).includes('alert(1)'));
    expect(pre && ownText(pre)).toContain(`"body": "${XSS_BODY}"`);
  });

  test('markup in any provider-supplied field stays text', () => {
    const hostile = '"><img src=x onerror=alert(2)>';
    const changed = runResultFixture();
    changed.checks[1]!.findings[0]!.actual = hostile;
    changed.checks[1]!.evidence.push({ kind: 'note', text: hostile });
    changed.targets[0]!.name = hostile;

    const html = renderHtmlReport(withCheckTarget(changed, 0, hostile));

    expect(html).not.toContain('<img');
    expect(findAll(parseMarkup(html, 'html'), 'img')).toHaveLength(0);
  });

  test('control characters show as visible escapes', () => {
    expect(page).toContain('GOVUK-SMS\\u0007');
    expect(page).not.toContain('\u0007');
  });
});

describe('requirement matrix', () => {
  const matrices = findAll(document, 'table').filter((t) => t.attributes.class === 'matrix');

  test('each target has a row for every requirement in the catalogue, must first', () => {
    const ofLevels = (...levels: string[]) =>
      REQUIREMENTS.filter((r) => levels.includes(r.level)).map((r) => r.id);

    expect(matrices).toHaveLength(run.targets.length);
    for (const matrix of matrices) {
      expect(rowHeaders(matrix)).toEqual([
        ...ofLevels('must', 'must not'),
        ...ofLevels('should'),
        ...ofLevels('consider', 'if relevant'),
      ]);
    }
  });

  test('each level is a row group under its own header: must, should, consider', () => {
    for (const matrix of matrices) {
      const groups = findAll(matrix, 'tbody');
      const headers = groups.map((group) =>
        findAll(group, 'th').filter((th) => th.attributes.scope === 'rowgroup'),
      );

      expect(headers.map((h) => h.length)).toEqual([1, 1, 1]);
      expect(headers.map((h) => textOf(h[0]!).trim().split(' ')[0])).toEqual([
        'Must',
        'Should',
        'Consider',
      ]);
      expect(headers[0]![0]!.attributes.colspan).toBe('6');
      const levelsOf = (group: MarkupElement) =>
        new Set(rowHeaders(group).map((id) => REQUIREMENTS.find((r) => r.id === id)?.level));
      expect(levelsOf(groups[0]!)).toEqual(new Set(['must', 'must not']));
      expect(levelsOf(groups[1]!)).toEqual(new Set(['should']));
      expect(levelsOf(groups[2]!)).toEqual(new Set(['consider', 'if relevant']));
    }
  });

  test('a result level outside the catalogue gets a group of its own, last', () => {
    const changed = runResultFixture();
    changed.targets[0]!.requirements.push({
      id: 'LOCAL-01',
      level: 'house rule',
      title: 'A rule of this service',
      evidenceKind: 'tested',
      verdict: 'pass',
      checks: [],
    });
    const [matrix] = findAll(parseMarkup(renderHtmlReport(changed), 'html'), 'table').filter(
      (t) => t.attributes.class === 'matrix',
    );
    const groups = findAll(matrix!, 'tbody');

    expect(groups).toHaveLength(4);
    expect(textOf(findAll(groups[3]!, 'th')[0]!)).toContain('Other levels');
    expect(rowHeaders(groups[3]!)).toEqual(['LOCAL-01']);
  });

  test('a requirement with no evidence says why', () => {
    const row = rowOf(matrices[0]!, 'AGG-01');

    expect(row).toContain('Not evidenced');
    expect(row).toContain('no check ran and no attestation was accepted');
  });

  test('an error reads as could not be judged, never as a failure', () => {
    const row = rowOf(matrices[0]!, 'RCPT-03');

    expect(row).toContain('Could not be judged: harness or network error');
    expect(row).not.toMatch(/\bFail\b/);
  });

  test('an accepted attestation is shown as attested, apart from tested evidence', () => {
    const row = rowOf(matrices[0]!, 'AGG-02');

    expect(row).toContain(
      'Attested: Texts go through a Tier 1 aggregator with direct network connections. ' +
        '(evidence: Example Telecom network statement 2026, accepted by A. Reviewer on 2026-11-20)',
    );
    expect(row).not.toContain('Tested:');
  });

  test('an attestation nobody accepted says so, beside the checks that ran', () => {
    const row = rowOf(matrices[1]!, 'ENC-02');

    expect(row).toContain('Tested: send.at-rest');
    expect(row).toContain('Attested, not accepted: Numbers and bodies are encrypted at rest.');
    expect(row).toContain('Not evidenced');
  });

  test('each verdict carries words and a symbol, not colour alone', () => {
    const badges = everyElement(document).filter((e) => e.attributes.class?.startsWith('verdict '));

    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(textOf(badge)).toMatch(/^\S+ [A-Z][a-z]/);
  });

  test('links each verdict to the checks behind it', () => {
    const links = findAll(rowElement(matrices[0]!, 'SID-01')!, 'a').map((a) => a.attributes.href);
    const ids = new Set(everyElement(document).map((e) => e.attributes.id));

    expect(links).toHaveLength(2);
    for (const link of links) expect(ids.has(link?.slice(1))).toBe(true);
  });
});

describe('drill-down', () => {
  const checks = findAll(document, 'details').filter((d) => d.attributes.class === 'check');
  const checkNamed = (slug: string): MarkupElement =>
    checks.find((c) => c.attributes.id?.endsWith(slug)) ?? document;

  test('every check has a drill-down with its outcome and coverage', () => {
    expect(checks).toHaveLength(run.checks.length);
    expect(textOf(checkNamed('send-accepts'))).toContain('TEST-02 (full), SID-01 (partial)');
    expect(textOf(checkNamed('callback-auth'))).toContain('ASSURE_TRANSPORT');
  });

  test('shows exchanges as request and response, receipts, timeouts and measurements', () => {
    const text = checks.map(textOf).join('\n');

    expect(text).toContain('POST http://127.0.0.1:4010/v2/notifications/sms');
    expect(text).toContain('authorization: Bearer [REDACTED]');
    expect(text).toContain('HTTP 201 Created');
    expect(text).toContain('connect ECONNREFUSED 127.0.0.1:4011');
    expect(text).toContain('Waited 2000 ms for a receipt callback for sim-msg-0001');
    expect(text).toContain('send latency');
    expect(findAll(checkNamed('final-status'), 'tr')).toHaveLength(3);
  });

  test('keeps checks whose target the run does not list', () => {
    const changed = runResultFixture();
    changed.checks[0]!.target = 'retired-target';

    const text = textOf(parseMarkup(renderHtmlReport(changed), 'html'));

    expect(text).toContain('Checks for targets the run does not list');
    expect(text).toContain(changed.checks[0]!.title);
  });

  test('lists the suppression list and harness errors', () => {
    const text = textOf(document);

    expect(text).toContain('tel:…999');
    expect(text).toContain('Callback receiver on 127.0.0.1:4011 stopped answering');
  });
});

describe('accessible structure', () => {
  test('headings never skip a level', () => {
    const levels = everyElement(document)
      .map((e) => /^h([1-6])$/.exec(e.name)?.[1])
      .filter((level) => level !== undefined)
      .map(Number);

    expect(levels[0]).toBe(1);
    const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1);
    expect(skips).toEqual([]);
  });

  test('every table header cell has a scope and every table a caption', () => {
    const tables = findAll(document, 'table');

    expect(findAll(document, 'th').filter((th) => !th.attributes.scope)).toEqual([]);
    expect(tables.filter((t) => findAll(t, 'caption').length !== 1)).toEqual([]);
  });
});

function everyElement(root: MarkupElement): MarkupElement[] {
  return root.children.flatMap((child) => [child, ...everyElement(child)]);
}

function rowHeaders(table: MarkupElement): string[] {
  return findAll(table, 'th')
    .filter((th) => th.attributes.scope === 'row')
    .map((th) => textOf(th).trim());
}

function rowElement(table: MarkupElement, id: string): MarkupElement | undefined {
  return findAll(table, 'tr').find((tr) => textOf(findAll(tr, 'th')[0] ?? tr).trim() === id);
}

function rowOf(table: MarkupElement, id: string): string {
  const row = rowElement(table, id);
  return row ? textOf(row) : '';
}

function withCheckTarget(changed: RunResult, index: number, name: string): RunResult {
  const old = run.targets[index]!.name;
  return {
    ...changed,
    checks: changed.checks.map((c) => (c.target === old ? { ...c, target: name } : c)),
  };
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

test("shows a finding's severity beside its code", () => {
  const changed = runResultFixture();
  changed.checks[1]!.findings[0]!.severity = 'critical';
  const rows = findAll(parseMarkup(renderHtmlReport(changed), 'html'), 'tr').filter((row) =>
    textOf(row).includes('sender_id_altered'),
  );

  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(textOf(row)).toContain('severity critical');
  expect(page).not.toContain('severity critical');
});

describe('cover', () => {
  const [cover] = findAll(document, 'header');
  const targets = findAll(cover!, 'table').find((t) => textOf(t).includes('Targets'));

  test("names each target's supplier, and whether it was the simulator or a real endpoint", () => {
    expect(rowOf(targets!, 'notify-sim')).toContain('GOV.UK Notify');
    expect(rowOf(targets!, 'notify-sim')).toContain('simulator, profile sender-id-altered');
    expect(rowOf(targets!, 'notify-sandbox')).toContain('GOV.UK Notify');
    expect(rowOf(targets!, 'notify-sandbox')).toContain('real endpoint');
    expect(textOf(cover!)).not.toContain('Real supplier');
  });

  test('a result too old to name its supplier shows the dialect instead', () => {
    const changed = runResultFixture();
    delete changed.targets[0]!.supplier;
    const [oldCover] = findAll(parseMarkup(renderHtmlReport(changed), 'html'), 'header');

    expect(textOf(oldCover!)).toContain('notify dialect');
  });
});

describe('what to do about each finding', () => {
  const remedyCells = (result: RunResult) =>
    findAll(parseMarkup(renderHtmlReport(result), 'html'), 'td')
      .filter((td) => td.attributes.class === 'remedy')
      .map((td) => textOf(td).trim());

  test('the findings tables have a What to do column', () => {
    const tables = findAll(document, 'table').filter((t) => t.attributes.class === 'findings');
    const headers = tables.map((t) => findAll(t, 'th').map((th) => textOf(th).trim()));

    expect(tables.length).toBeGreaterThan(0);
    for (const header of headers) expect(header).toContain('What to do');
  });

  test('a known code shows its own advice, in the target findings and the drill-down', () => {
    const changed = runResultFixture();
    changed.checks[1]!.findings[0]!.code = 'sender_altered';

    expect(remedyCells(changed)).toEqual([
      FINDING_REMEDIES.sender_altered,
      FINDING_REMEDIES.sender_altered,
    ]);
  });

  test("a code without advice of its own shows its requirement's", () => {
    expect(remedyCells(run)).toEqual([
      REQUIREMENT_REMEDIES['SID-01'],
      REQUIREMENT_REMEDIES['SID-01'],
    ]);
  });
});
