import { readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.ts';

/** Two real runs, one per simulator profile, compared on one page. */

let compliant: string;
let noReceipts: string;
let compared: CliRun;
let page: string;

beforeAll(async () => {
  [compliant, noReceipts] = await Promise.all([
    runFolder('sim:notify:compliant'),
    runFolder('sim:notify:no-receipts'),
  ]);
  compared = await runCli(['compare', compliant, noReceipts, '--out', '$OUT/cmp/comparison.html']);
  page = await readFile(join(compared.outDir, 'cmp', 'comparison.html'), 'utf8');
}, 900_000);

async function runFolder(target: string): Promise<string> {
  const run = await runCli([
    'run',
    '--quiet',
    '--out',
    '$OUT',
    '--suite',
    'receipts',
    '--target',
    target,
  ]);
  return join(run.outDir, await readlink(join(run.outDir, 'latest')));
}

/** The cells of the row whose header starts with the requirement id. */
function cellsOf(requirement: string): string[] {
  const row = page.split('<tr>').find((r) => r.includes(`<th scope="row">${requirement} `)) ?? '';
  return row.split('<td>').slice(1);
}

test('compare writes the page, prints where it went and exits 0', () => {
  expect(compared.code, compared.stderr).toBe(0);
  expect(compared.stdout.trim()).toBe(join(compared.outDir, 'cmp', 'comparison.html'));
});

test('every target of every run has a column, labelled with its run id', () => {
  const headers = [...page.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);

  expect(headers).toHaveLength(3);
  expect(headers[1]).toMatch(/^run-\S+ · sim-notify-compliant$/);
  expect(headers[2]).toMatch(/^run-\S+ · sim-notify-no-receipts$/);
});

test('RCPT-01 passes in one column and fails in the other, in words and symbols', () => {
  const [first, second] = cellsOf('RCPT-01');

  expect(first).toMatch(/✓<\/span> Pass/);
  expect(second).toMatch(/✗<\/span> Fail/);
});

test("each cell links to a check that exists in that run's report", async () => {
  const [cell] = cellsOf('RCPT-01');
  const href = /href="([^"]+)"/.exec(cell ?? '')?.[1] ?? '';
  const [file, anchor] = href.split('#');
  const report = await readFile(join(compared.outDir, 'cmp', file ?? ''), 'utf8');

  expect(anchor).toMatch(/^check-\d+-/);
  expect(report).toContain(`id="${anchor}"`);
});

test('the page loads nothing from the network', () => {
  expect(page).not.toMatch(/https?:\/\//);
  expect(page).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
});

test('a folder without a valid result.json is a usage error naming the file', async () => {
  const run = await runCli(['compare', compliant, '/nonexistent-run-folder']);

  expect(run.code).toBe(3);
  expect(run.stderr).toContain('/nonexistent-run-folder/result.json');
});
