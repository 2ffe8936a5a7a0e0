import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attestedConfig, EXAMPLE_ANSWERS } from '../support/attested-config.ts';
import { runCli } from '../support/run-cli.ts';
import { describeViolations, seriousViolations } from './accessibility.ts';
import {
  ARTIFACTS_DIR,
  browserSuite,
  chromiumMissing,
  freshContext,
  launchChromium,
  pageErrors,
} from './chromium.ts';

/**
 * The sections the receipts-and-smoke report of report.test.ts never has: failover figures
 * and breaker timelines, attested evidence with its sign-off, and trends across two runs into
 * one folder. Each must be there, and the whole page must pass axe with every part open.
 */
describe.skipIf(chromiumMissing !== undefined)(browserSuite('every section of a report'), () => {
  let folder: string;
  let browser: Browser;

  beforeAll(async () => {
    const attested = await attestedConfig(EXAMPLE_ANSWERS);
    folder = attested.folder;
    const out = join(folder, 'reports');
    const args = ['run', '--quiet', '--config', attested.config, '--out', out];
    const suites = ['--suite', 'smoke', '--suite', 'failover'];

    browser = await launchChromium();
    // Two runs into one folder: the second report has a history to draw trends from.
    for (let i = 0; i < 2; i++) {
      const run = await runCli([...args, ...suites]);
      expect(run.code, run.stderr).toBe(0);
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function openReport(page: Page): Promise<void> {
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    await page.goto(pathToFileURL(join(folder, 'reports', 'latest', 'report.html')).href);
    for (const summary of await page.locator('details > summary').all()) await summary.click();
  }

  test('failover, attestations and trends are each a named section or row', async () => {
    await using context = await freshContext(browser);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await openReport(page);

    const section = (name: string) => page.getByRole('heading', { name, level: 2, exact: true });
    expect(await section('Failover').count()).toBe(1);
    expect(await section('Trends across runs').count()).toBe(1);
    expect(await page.getByText('Attested: Texts go through a Tier 1 aggregator').count()).toBe(1);
    expect(await page.getByText('Attested, not accepted: Support answers').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /primary-outage/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({
      path: join(ARTIFACTS_DIR, 'report-every-section.png'),
      fullPage: true,
    });
  });

  test('no serious or critical accessibility violations with every part open', async () => {
    await using context = await freshContext(browser);
    const page = await context.newPage();
    await openReport(page);

    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
