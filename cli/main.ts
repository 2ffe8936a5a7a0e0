import { AssureError, ConfigError } from '../core/errors.ts';
import { HARNESS_VERSION } from '../runner/harness-version.ts';
import { compareCommand } from './compare-command.ts';
import { MAIN_HELP } from './help.ts';
import { lintCommand } from './lint-command.ts';
import { mergeCommand } from './merge-command.ts';
import { profilesCommand } from './profiles-command.ts';
import { runCommand } from './run-command.ts';
import { simulatorCommand } from './simulator-command.ts';
import { verifyCommand } from './verify-command.ts';

/** Dispatches a command line; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;

  try {
    switch (command) {
      case 'run':
        return await runCommand(rest);
      case 'simulator':
        return await simulatorCommand(rest);
      case 'profiles':
        return profilesCommand();
      case 'lint':
        return await lintCommand(rest);
      case 'verify':
        return await verifyCommand(rest);
      case 'compare':
        return await compareCommand(rest);
      case 'merge':
        return await mergeCommand(rest);
      case '--version':
      case '-v':
        console.log(HARNESS_VERSION);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(MAIN_HELP);
        return 0;
      default:
        throw new ConfigError('command line', [`unknown command '${command}'; see --help`]);
    }
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof ConfigError) {
    console.error(`sms-assure: ${error.message}`);
    return 3;
  }
  const code = error instanceof AssureError ? ` [${error.code}]` : '';
  const message = error instanceof Error ? error.message : String(error);
  console.error(`sms-assure: the harness failed${code}: ${message}`);
  return 2;
}
