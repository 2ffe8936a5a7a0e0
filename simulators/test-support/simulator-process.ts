import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { NotifyCredentials } from '../index.ts';

const ENTRY = fileURLToPath(new URL('./simulator-main.ts', import.meta.url));

export interface SimulatorProcess extends AsyncDisposable {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly notify: NotifyCredentials;
}

/** Runs a simulator in a child process, so that a test can kill it without warning. */
export async function spawnSimulator(
  dataDir: string,
  timeScale: number,
  profile = 'compliant',
): Promise<SimulatorProcess> {
  const args = ['--import', 'tsx', ENTRY, dataDir, String(timeScale), profile];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });

  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const started = JSON.parse(line.toString('utf8')) as Pick<SimulatorProcess, 'baseUrl' | 'notify'>;
  return { child, ...started, [Symbol.asyncDispose]: () => kill(child) };
}

/** Kills the child (if it still runs) and waits for it to go. */
export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
