import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Why the container tests cannot run here, or undefined when a Docker engine answers. The tests
 * are then skipped with this reason in their title, never passed, and it is printed.
 */
export async function dockerEngineMissing(): Promise<string | undefined> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 20_000 });
    return undefined;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const reason = (stderr?.trim() || message).split('\n')[0] ?? message;
    const missing = `no Docker engine answers \`docker info\`: ${reason}`;
    // The skipped tests' titles say it too; this line shows in any reporter's output.
    console.warn(`container tests skipped: ${missing}`);
    return missing;
  }
}
