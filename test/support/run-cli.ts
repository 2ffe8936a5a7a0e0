import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunResultSchema, type RunResult } from '../../core/run-result.ts';

const BIN = fileURLToPath(new URL('../../bin/sms-assure.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outDir: string;
}

/** Runs the real command line in a child process, as a user or CI would. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const outDir = await scratchDir();
  const child = spawn(process.execPath, [BIN, ...args.map((a) => a.replace('$OUT', outDir))], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, outDir };
}

export function scratchDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sms-assure-e2e-'));
}

export async function latestResult(outDir: string): Promise<RunResult> {
  const text = await readFile(join(outDir, 'latest', 'result.json'), 'utf8');
  return RunResultSchema.parse(JSON.parse(text));
}

/** The verdict of one requirement for one target, as the JSON report states it. */
export function verdictOf(result: RunResult, target: string, requirement: string): string {
  const row = result.targets
    .find((t) => t.name === target)
    ?.requirements.find((r) => r.id === requirement);
  return row?.verdict ?? `no row for ${target}/${requirement}`;
}

/** What the checks found against one requirement for one target: the why of a failed assertion. */
export function findingsOf(result: RunResult, target: string, requirement: string): string {
  const found = result.checks
    .filter((c) => c.target === target)
    .flatMap((c) => c.findings.map((f) => ({ check: c.id, ...f })))
    .filter((f) => f.requirement === requirement)
    .map((f) => `${f.check}: ${f.message}`);
  return found.length > 0 ? found.join('; ') : `no finding on ${requirement} for ${target}`;
}
