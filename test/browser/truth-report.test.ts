import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, scratchDir, type CliRun } from '../support/run-cli.ts';
import { describeViolations, seriousViolations } from './accessibility.ts';
import {
  ARTIFACTS_DIR,
  browserSuite,
  chromiumMissing,
  freshContext,
  launchChromium,
} from './chromium.ts';

const SUITE = browserSuite('the receipt truthfulness section of a real run');
// A gentler clock than the default, and a minute of real time for each status to be read, so a
// loaded machine still sees every text judged.
const CONFIG = `
timeScale: 25
targets:
  - name: sim-notify-compliant
    dialect: notify
    receiptDeadlineSeconds: 1500
    simulator: { profile: compliant }
  - name: sim-notify-fake-receipts-all
    dialect: notify
    receiptDeadlineSeconds: 1500
    simulator: { profile: fake-receipts-all }
`;

async function truthRun(): Promise<CliRun> {
  const config = join(await scratchDir(), 'assure.yaml');
  await writeFile(config, CONFIG);
  return runCli(['run', '--quiet', '--out', '$OUT', '--suite', 'truth', '--config', config]);
}

describe.skipIf(chromiumMissing !== undefined)(SUITE, () => {
  let run: CliRun;
  let browser: Browser;

  beforeAll(async () => {
    [run, browser] = await Promise.all([truthRun(), launchChromium()]);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (run) await rm(run.outDir, { recursive: true, force: true });
  });

  test('has a table per target, a row per text, and no serious accessibility fault', async () => {
    await using context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(run.outDir, 'latest', 'report.html')).href);

    const section = page.getByRole('region', { name: 'Receipt truthfulness' });
    const faked = section.getByRole('table', {
      name: /Receipt truthfulness: sim-notify-fake-receipts-all/,
    });
    const rows = await faked.locator('tbody tr').allTextContents();
    const summary = (await section.textContent())?.replace(/\s+/g, ' ') ?? '';
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'truth.png'), fullPage: true });
    const violations = await seriousViolations(page);

    expect(rows).toHaveLength(61);
    expect(rows.filter((row) => row.includes('fake receipt'))).toHaveLength(61);
    expect(summary).toContain('Fake receipts: 0 of 59');
    expect(summary).toContain('Fake receipts: 59 of 59');
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
