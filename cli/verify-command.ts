import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { verifyManifest } from '../reports/index.ts';

export const VERIFY_HELP = `Usage: sms-assure verify <run folder>

Checks every file of a run's folder against its manifest.json and names any file that changed,
went missing or was added after the run. Exit 0 when nothing changed, 1 when something did,
3 when the folder or its manifest cannot be read.`;

export async function verifyCommand(argv: readonly string[]): Promise<number> {
  const [folder, ...extra] = argv;
  if (folder === '--help' || folder === '-h') {
    console.log(VERIFY_HELP);
    return 0;
  }
  if (!folder || extra.length > 0) {
    throw new ConfigError('command line', ['verify takes exactly one run folder; see --help']);
  }

  const check = await readManifest(folder);
  const problems = [
    ...check.changed.map((f) => `changed  ${f}`),
    ...check.missing.map((f) => `missing  ${f}`),
    ...check.added.map((f) => `added    ${f}`),
  ];
  if (problems.length === 0) {
    console.log(`${folder}: every file matches its manifest`);
    return 0;
  }
  console.log(`${folder}: ${problems.length} file(s) differ from the manifest`);
  for (const problem of problems) console.log(`  ${problem}`);
  return 1;
}

async function readManifest(folder: string) {
  try {
    await stat(join(folder, 'manifest.json'));
    return await verifyManifest(folder);
  } catch (error) {
    throw new ConfigError(folder, [
      `cannot read the run's manifest.json: ${(error as NodeJS.ErrnoException).code ?? error}`,
    ]);
  }
}
