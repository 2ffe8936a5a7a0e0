import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { latestResult, runCli, scratchDir } from '../support/run-cli.ts';

const TARGET = 'sim-notify-no-receipts';
const RUN = 'run --quiet --out $OUT --target sim:notify:no-receipts --suite smoke --suite receipts';

async function expectationsFile(lines: readonly string[]): Promise<string> {
  const file = join(await scratchDir(), 'no-receipts.yaml');
  await writeFile(file, ['supplier: Example Telecom Ltd', 'deviations:', ...lines].join('\n'));
  return file;
}

const deviation = (requirement: string) => [
  `  - requirement: ${requirement}`,
  '    reason: receipts are not sent yet; the supplier promised them for 2027',
];

test('known deviations alone exit 0; a new finding beside them exits 1', async () => {
  const allKnown = await expectationsFile([
    ...['RCPT-01', 'RCPT-02', 'TEST-01', 'TEST-02'].flatMap(deviation),
    '  - code: sender_altered',
    '    reason: seen last month, should be gone',
  ]);
  const someKnown = await expectationsFile(deviation('RCPT-01'));

  const [known, partly] = await Promise.all([
    runCli([...RUN.split(' '), '--expectations', allKnown]),
    runCli([...RUN.split(' '), '--expectations', `${TARGET}=${someKnown}`]),
  ]);
  const [knownResult, partlyResult] = await Promise.all([
    latestResult(known.outDir),
    latestResult(partly.outDir),
  ]);
  const summary = await readFile(join(known.outDir, 'latest', 'summary.md'), 'utf8');
  const page = await readFile(join(known.outDir, 'latest', 'report.html'), 'utf8');

  expect(known.code, known.stderr).toBe(0);
  expect(knownResult.expectations?.[0]).toMatchObject({ target: TARGET, newFindings: 0 });
  expect(knownResult.expectations?.[0]?.knownFindings).toBeGreaterThan(0);
  expect(knownResult.targets[0]?.requirements.find((r) => r.id === 'RCPT-01')?.verdict).toBe(
    'fail',
  );
  expect(summary).toMatch(/0 new findings, \d+ known/);
  expect(summary).toContain('Expected but not seen');
  expect(summary).toContain('sender\\_altered');
  expect(page).toContain('expected but not seen');
  expect(known.stdout).toMatch(/expected but not seen: sim-notify-no-receipts · sender_altered/);

  expect(partly.code, partly.stderr).toBe(1);
  expect(partlyResult.expectations?.[0]?.newFindings).toBeGreaterThan(0);
  expect(partlyResult.expectations?.[0]?.knownFindings).toBe(2);
}, 900_000);

test('a bad expectations file is bad configuration naming the file, field and line', async () => {
  const file = await expectationsFile(['  - requirement: RCPT-01', '    because: no reason field']);
  const run = await runCli([...RUN.split(' '), '--expectations', file]);

  expect(run.code).toBe(3);
  expect(run.stderr).toContain('no-receipts.yaml');
  expect(run.stderr).toMatch(/deviations\.0 \(line 3\).*because/);
});
