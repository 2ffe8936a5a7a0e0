import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Exchange } from '../../core/evidence.ts';
import { REQUIREMENTS } from '../../core/requirements.ts';
import type { RunResult } from '../../core/run-result.ts';
import type { Verdict } from '../../core/verdict.ts';
import { remedyFor } from '../../reports/remedies.ts';
import { judgementText } from '../../reports/verdict-wording.ts';
import { latestResult, runCli, type CliRun } from '../support/run-cli.ts';
import { describeViolations, seriousViolations } from './accessibility.ts';
import {
  ARTIFACTS_DIR,
  browserSuite,
  chromiumMissing,
  freshContext,
  launchChromium,
  pageErrors,
} from './chromium.ts';

const SUITE = browserSuite('the HTML report of a real run');
/** The run's command line, as a user would type it; runCli puts a fresh folder for $OUT. */
const RUN = [
  'run --quiet --out $OUT',
  '--target sim:notify:compliant --target sim:notify:no-receipts',
  '--suite receipts --suite smoke',
]
  .join(' ')
  .split(' ');

const COMPLIANT = 'sim-notify-compliant';
const NO_RECEIPTS = 'sim-notify-no-receipts';

/** What the receipts and smoke suites must find; everything else stays not evidenced. */
const EXPECTED: Readonly<Record<string, Readonly<Record<string, Verdict>>>> = {
  [COMPLIANT]: {
    'RCPT-01': 'pass',
    'RCPT-02': 'pass',
    'RCPT-03': 'partial',
    'TEST-01': 'pass',
    'TEST-02': 'pass',
    'SID-01': 'not-evidenced',
  },
  [NO_RECEIPTS]: {
    'RCPT-01': 'fail',
    'RCPT-02': 'fail',
    'RCPT-03': 'not-evidenced',
    'TEST-01': 'fail',
    'TEST-02': 'fail',
    'SID-01': 'not-evidenced',
  },
};

/** A report page, with every request it tried to make beyond its own file (all refused). */
interface OpenedReport {
  readonly page: Page;
  readonly outside: string[];
  readonly errors: string[];
}

describe.skipIf(chromiumMissing !== undefined)(SUITE, () => {
  let run: CliRun;
  let result: RunResult;
  let browser: Browser;

  beforeAll(async () => {
    [run, browser] = await Promise.all([runCli(RUN), launchChromium()]);
    expect(run.code, `the run should end with findings\n${run.stderr}`).toBe(1);
    result = await latestResult(run.outDir);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (run) await rm(run.outDir, { recursive: true, force: true });
  });

  async function openReport(context: BrowserContext): Promise<OpenedReport> {
    const page = await context.newPage();
    const outside: string[] = [];
    const errors = pageErrors(page);
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(`${request.method()} ${request.url()}`);
    });
    await page.route('**/*', async (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      return route.abort('blockedbyclient');
    });

    await page.goto(pathToFileURL(join(run.outDir, 'latest', 'report.html')).href);
    return { page, outside, errors };
  }

  test.each([COMPLIANT, NO_RECEIPTS])(
    'the matrix of %s has a row per requirement, grouped by level, with its verdict in words',
    async (target) => {
      await using context = await freshContext(browser);
      const { page } = await openReport(context);

      const matrix = page
        .getByRole('region', { name: `Target: ${target}` })
        .getByRole('table', { name: `Requirement matrix for ${target}` });
      const groups: string[] = [];
      const shown: Record<string, string> = {};
      for (const group of await matrix.locator('tbody').all()) {
        const header = group.getByRole('rowheader').first();
        expect(await header.getAttribute('scope')).toBe('rowgroup');
        groups.push(squash(await header.textContent()).split(' ')[0] ?? '');
        for (const row of await group.locator('tr:has(th[scope="row"])').all()) {
          const id = squash(await row.getByRole('rowheader').textContent());
          shown[id] = squash(await row.locator('.verdict').textContent());
        }
      }

      expect(groups).toEqual(['Must', 'Should', 'Consider']);
      expect(Object.keys(shown)).toEqual(
        [['must', 'must not'], ['should'], ['consider', 'if relevant']].flatMap((levels) =>
          REQUIREMENTS.filter((r) => levels.includes(r.level)).map((r) => r.id),
        ),
      );
      expect(shown).toMatchObject(wordsFor(EXPECTED[target] ?? {}));
      const written = result.targets.find((t) => t.name === target)?.requirements ?? [];
      expect(shown).toEqual(wordsFor(Object.fromEntries(written.map((r) => [r.id, r.verdict]))));
    },
  );

  test('each finding of a failing target shows what to do about it', async () => {
    const findings = result.checks
      .filter((c) => c.target === NO_RECEIPTS)
      .flatMap((c) => c.findings.map((f) => `${f.code}: ${remedyFor(f)}`));

    await using context = await freshContext(browser);
    const { page } = await openReport(context);
    const table = page
      .getByRole('region', { name: `Target: ${NO_RECEIPTS}` })
      .getByRole('table', { name: 'Findings', exact: true });
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.map(squash).indexOf('What to do');
    const shown: string[] = [];
    for (const row of await table.locator('tbody tr').all()) {
      const code = squash(await row.locator('th code').first().textContent());
      const remedy = squash(await row.locator('th, td').nth(column).textContent());
      shown.push(`${code}: ${remedy}`);
    }

    expect(column).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(findings.sort());
    expect(shown.every((line) => !line.endsWith(': '))).toBe(true);
  });

  test("the cover names each target's supplier and whether it was the simulator", async () => {
    await using context = await freshContext(browser);
    const { page } = await openReport(context);
    const targets = page.locator('header#run').getByRole('table', { name: 'Targets' });

    for (const name of [COMPLIANT, NO_RECEIPTS]) {
      const row = targets.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
      const profile = name.replace('sim-notify-', '');
      expect(squash(await row.innerText())).toContain(
        `GOV.UK Notify simulator, profile ${profile}`,
      );
    }
  });

  test("a check's drill-down is closed at first and opens on its evidence", async () => {
    const check = result.checks.find((c) => c.target === COMPLIANT && c.id === 'receipts/callback');
    const exchange = check?.evidence.find((e): e is Exchange => e.kind === 'exchange');
    if (!check || !exchange) throw new Error(`${COMPLIANT} has no receipts/callback exchange`);

    await using context = await freshContext(browser);
    const { page } = await openReport(context);
    const drillDown = page
      .getByRole('region', { name: `Target: ${COMPLIANT}` })
      .locator('details.check')
      .filter({ has: page.locator('summary', { hasText: check.title }) });
    const evidence = drillDown.locator('.exchange').first();

    expect(await drillDown.count()).toBe(1);
    expect(await evidence.isVisible()).toBe(false);

    await drillDown.locator('summary').click();
    await evidence.waitFor({ state: 'visible' });
    expect(await drillDown.getAttribute('open')).not.toBeNull();
    expect(squash(await evidence.getByRole('heading', { level: 6 }).textContent())).toBe(
      `Exchange: ${exchange.label}`,
    );
    const request = (await evidence.locator('pre').first().textContent()) ?? '';
    expect(request.split('\n')[0]).toBe(`${exchange.request.method} ${exchange.request.url}`);

    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report.png'), fullPage: true });
  });

  test('the page asks the network for nothing, even with every drill-down open', async () => {
    await using context = await freshContext(browser);
    const { page, outside, errors } = await openReport(context);

    await openEveryCheck(page);
    await page.waitForLoadState('networkidle');

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('no serious or critical accessibility violations, drill-downs open', async () => {
    await using context = await freshContext(browser);
    const { page } = await openReport(context);
    await openEveryCheck(page);

    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  test('each target has its charts as named images, each with its data as a table', async () => {
    await using context = await freshContext(browser);
    const { page } = await openReport(context);
    const region = page.getByRole('region', { name: `Target: ${COMPLIANT}` });

    for (const title of ['Receipt latency distribution', 'Message timelines', 'Throughput']) {
      const chart = region.getByRole('img', { name: title });
      expect(await chart.count(), title).toBe(1);
      const data = region.locator('details.chart-data caption', { hasText: title });
      expect(await data.count(), title).toBe(1);
    }
    await region.locator('.charts').screenshot({ path: join(ARTIFACTS_DIR, 'report-charts.png') });
  });

  test('printed, no chart or table is wider than the paper, and a PDF comes out', async () => {
    await using context = await freshContext(browser);
    const { page } = await openReport(context);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 700, height: 1000 });

    const overflowing: string[] = [];
    for (const element of await page.locator('svg.chart, table').all()) {
      const box = await element.boundingBox();
      if (box && box.x + box.width > 701)
        overflowing.push((await element.innerText()).slice(0, 60));
    }
    const pdf = await page.pdf({ path: join(ARTIFACTS_DIR, 'report.pdf'), format: 'A4' });

    expect(overflowing).toEqual([]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000); // Printing to PDF is the slowest thing Chromium does here, and CI loads it.
});

/** Opens each check as a reader would, by its summary. */
async function openEveryCheck(page: Page): Promise<void> {
  const summaries = await page.locator('details.check > summary').all();
  expect(summaries.length).toBeGreaterThan(0);
  for (const summary of summaries) await summary.click();
  expect(await page.locator('details.check:not([open])').count()).toBe(0);
}

function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Each requirement's verdict as the page words it: symbol and label. */
function wordsFor(verdicts: Readonly<Record<string, Verdict>>): Record<string, string> {
  return Object.fromEntries(Object.entries(verdicts).map(([id, v]) => [id, judgementText(v)]));
}
