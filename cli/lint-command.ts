import { ConfigError } from '../core/errors.ts';
import type { Finding } from '../content/finding.ts';
import { DEFAULT_RATE_PER_SEGMENT_PENCE, lintMessage, type LintResult } from '../content/lint.ts';
import { parseOptions, positiveNumber } from './parse-options.ts';

export const LINT_HELP = `Usage: sms-assure lint "<message>" [options]

Checks one text message against CONT-01 (clear and cheap to send) without sending it: prints
its encoding, length, segments and cost, then a finding for each character that forces UCS-2,
each link, a missing service name and anything that looks like personal data.

Options:
  --service-name NAME  the service's name; a message that does not mention it is a finding
  --rate PENCE         price of one segment in pence
                       (default: ${DEFAULT_RATE_PER_SEGMENT_PENCE}, GOV.UK Notify's price)
  --json               print the whole result as JSON
  -h, --help           show this help

A message that starts with "-" goes after "--":  sms-assure lint -- "-50% today only"

Exit codes:
  0  no finding fails (warnings are allowed)
  1  at least one finding fails: a shortened link, personal data, too long for Notify, empty
  3  bad usage (the message says what)`;

/** Flags that take a value, so the argument after them is never the message. */
const VALUE_FLAGS = new Set(['--service-name', '--rate']);

/** `sms-assure lint`: returns 0 when no finding fails, 1 otherwise; bad usage throws. */
export async function lintCommand(argv: readonly string[]): Promise<number> {
  const { message, flags } = splitMessage(argv);
  const values = parseOptions(flags, {
    'service-name': { type: 'string' },
    rate: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(LINT_HELP);
    return 0;
  }

  if (message === undefined) {
    throw new ConfigError('command line', ['lint: give the message to check; see --help']);
  }
  const rate = positiveNumber(values.rate, '--rate');
  const serviceName = values['service-name'];
  const result = lintMessage(message, {
    ...(serviceName !== undefined && { serviceName }),
    ...(rate !== undefined && { ratePerSegmentPence: rate }),
  });

  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printResult(result, rate ?? DEFAULT_RATE_PER_SEGMENT_PENCE);
  return result.findings.some((finding) => finding.severity === 'fail') ? 1 : 0;
}

/** parseOptions takes no positionals, so the message is lifted out of the arguments first. */
function splitMessage(argv: readonly string[]): { message: string | undefined; flags: string[] } {
  const flags: string[] = [];
  const positionals: string[] = [];

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }

    flags.push(arg);
    const value = argv[i + 1];
    if (VALUE_FLAGS.has(arg) && value !== undefined) {
      flags.push(value);
      i += 1;
    }
  }

  if (positionals.length > 1) {
    const problem = `lint: expected one message, got ${positionals.length}; quote the whole text`;
    throw new ConfigError('command line', [problem]);
  }
  return { message: positionals[0], flags };
}

function printResult(result: LintResult, rate: number): void {
  const { analysis, notify } = result;
  const unit = analysis.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units';
  const parts = analysis.perSegment.join(' + ');

  console.log(`Encoding:  ${analysis.encoding}`);
  console.log(`Length:    ${analysis.units} ${unit}`);
  console.log(`Segments:  ${analysis.segments} (${parts} ${unit})`);
  console.log(`Cost:      ${result.costPence}p at ${rate}p a segment`);
  console.log(
    `Notify:    ${notify.fragments} fragment${notify.fragments === 1 ? '' : 's'} ` +
      `(${notify.encoding}, ${notify.characters} characters after its sanitising)`,
  );
  console.log('');

  if (result.findings.length === 0) {
    console.log('No findings.');
    return;
  }
  console.log(`Findings (${result.findings.length}):`);
  for (const finding of result.findings) console.log(`  ${describe(finding)}`);
}

function describe(finding: Finding): string {
  const where = finding.at === undefined ? '' : ` @${finding.at}`;
  return `${finding.severity} ${finding.code}${where}: ${finding.message}`;
}
