import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

const EXAMPLE = fileURLToPath(new URL('../docs/ci/nightly.yml', import.meta.url));

interface Step {
  readonly run?: string;
  readonly uses?: string;
}
interface Job {
  readonly needs?: string;
  readonly if?: string;
  readonly strategy?: { readonly matrix: { readonly shard: number[] } };
  readonly steps: Step[];
}

/** Every `sms-assure` command line the workflow runs. */
function commands(job: Job): string[] {
  return job.steps.flatMap((s) =>
    (s.run ?? '').split('\n').filter((line) => line.trim().startsWith('npx sms-assure')),
  );
}

test('the nightly example runs the smoke selection, two shards, and merges them', async () => {
  const workflow = parse(await readFile(EXAMPLE, 'utf8')) as { jobs: Record<string, Job> };
  const { smoke, full, merge } = workflow.jobs;

  expect(commands(smoke!)).toEqual([
    expect.stringContaining('run --config assure.yaml --suite smoke'),
  ]);
  expect(full?.strategy?.matrix.shard).toEqual([1, 2]);
  expect(commands(full!)).toEqual([expect.stringContaining('--shard ${{ matrix.shard }}/2')]);
  expect(full?.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  expect(merge).toMatchObject({ needs: 'full', if: 'always()' });
  expect(commands(merge!)).toEqual([
    expect.stringMatching(/merge shards\/shard-1\/run-\* shards\/shard-2\/run-\* --out /),
  ]);
});
