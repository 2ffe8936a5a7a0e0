import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import {
  MANIFEST_SIGNATURE_FILE,
  publicKeyOf,
  verifyManifest,
  verifyManifestSignature,
  type SignatureCheck,
} from '../reports/index.ts';
import { parseCommandLine } from './parse-options.ts';

export const VERIFY_HELP = `Usage: sms-assure verify <run folder> [--public-key FILE]

Checks every file of a run's folder against its manifest.json and names any file that changed,
went missing or was added after the run. When the run was signed, also checks manifest.json
against its signature in ${MANIFEST_SIGNATURE_FILE}.

Options:
  --public-key FILE  PEM Ed25519 public key the run must be signed with; without it, a
                     signature only proves the manifest matches the key stored beside it
  -h, --help         show this help

Exit 0 when nothing changed and any signature matches, 1 when something changed or the
signature does not match, 3 when the folder, its manifest or the key cannot be read.`;

export async function verifyCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    'public-key': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(VERIFY_HELP);
    return 0;
  }
  const [folder, ...extra] = positionals;
  if (!folder || extra.length > 0) {
    throw new ConfigError('command line', ['verify takes exactly one run folder; see --help']);
  }

  const trusted = await readPublicKey(values['public-key']);
  const check = await readManifest(folder);
  const signature = await verifyManifestSignature(folder, trusted);
  const problems = [
    ...check.changed.map((f) => `changed  ${f}`),
    ...check.missing.map((f) => `missing  ${f}`),
    ...check.added.map((f) => `added    ${f}`),
  ];

  printFiles(folder, problems);
  printSignature(folder, signature, trusted !== undefined);
  return problems.length === 0 && signature.status !== 'invalid' ? 0 : 1;
}

function printFiles(folder: string, problems: readonly string[]): void {
  if (problems.length === 0) {
    console.log(`${folder}: every file matches its manifest`);
    return;
  }
  console.log(`${folder}: ${problems.length} file(s) differ from the manifest`);
  for (const problem of problems) console.log(`  ${problem}`);
}

function printSignature(folder: string, check: SignatureCheck, trusted: boolean): void {
  if (check.status === 'unsigned') {
    console.log(`${folder}: manifest.json is not signed (no ${MANIFEST_SIGNATURE_FILE})`);
  } else if (check.status === 'invalid') {
    console.log(`${folder}: signature check failed: ${check.reason}`);
  } else {
    const whose = trusted ? 'the given public key' : `${check.fingerprint}, the key stored with it`;
    console.log(`${folder}: manifest.json matches its signature by ${whose}`);
  }
}

async function readPublicKey(file: string | undefined) {
  if (file === undefined) return undefined;

  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`--public-key ${file}`, [`cannot read it: ${code}`]);
  }
  return publicKeyOf(pem, `--public-key ${file}`);
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
