import { afterEach, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { lintCommand } from './lint-command.ts';

let log: MockInstance<typeof console.log>;

beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function printed(): string {
  return log.mock.calls.map((call) => call.join(' ')).join('\n');
}

test('a clean message prints its numbers, no findings, and exits 0', async () => {
  const code = await lintCommand(['DVLA: your licence is on its way.', '--service-name', 'DVLA']);

  expect(code).toBe(0);
  expect(printed()).toBe(
    [
      'Encoding:  GSM-7',
      'Length:    33 septets',
      'Segments:  1 (33 septets)',
      'Cost:      2.4p at 2.4p a segment',
      'Notify:    1 fragment (GSM-7, 33 characters after its sanitising)',
      '',
      'No findings.',
    ].join('\n'),
  );
});

test('units per segment and the cost follow the text and the rate', async () => {
  expect(await lintCommand(['a'.repeat(159) + '{', '--rate', '3.5'])).toBe(0);

  expect(printed()).toContain('Length:    161 septets');
  expect(printed()).toContain('Segments:  2 (153 + 8 septets)');
  expect(printed()).toContain('Cost:      7p at 3.5p a segment');
});

test('UCS-2 is counted in UTF-16 units, and warnings alone still exit 0', async () => {
  expect(await lintCommand(['“Hi” — it’s ok'])).toBe(0);

  const output = printed();
  expect(output).toContain('Encoding:  UCS-2');
  expect(output).toContain('Segments:  1 (14 UTF-16 units)');
  expect(output).toContain('Findings (4):');
  expect(output).toContain('warn forces_ucs2 @5: The em dash — (U+2014)');
});

test('a failing finding is printed with its reason and exits 1', async () => {
  expect(await lintCommand(['--service-name', 'DVLA', 'Pay now: bit.ly/x1'])).toBe(1);

  const output = printed();
  expect(output).toContain('fail link_shortener @9: The link bit.ly/x1 goes through the shortener');
  expect(output).toContain('warn missing_service_name: The message does not name the service');
});

test('--json prints the whole result as data', async () => {
  expect(await lintCommand(['--json', 'Façade'])).toBe(0);

  const result = JSON.parse(printed()) as Record<string, unknown>;
  expect(result).toMatchObject({
    analysis: { encoding: 'UCS-2', units: 6, segments: 1, perSegment: [6] },
    notify: { sanitised: 'Facade', encoding: 'GSM-7', fragments: 1 },
    costPence: 2.4,
    findings: [{ code: 'forces_ucs2', severity: 'warn', at: 2, text: 'ç', replacement: 'c' }],
  });
});

test('a message starting with a dash goes after --', async () => {
  expect(await lintCommand(['--json', '--', '-50% off'])).toBe(0);
  expect(JSON.parse(printed())).toMatchObject({ analysis: { units: 8 } });
});

test('an empty message fails', async () => {
  expect(await lintCommand([''])).toBe(1);
  expect(printed()).toContain('fail empty_message');
});

test('--help prints the usage and exits 0', async () => {
  expect(await lintCommand(['--help'])).toBe(0);
  expect(printed()).toMatch(/^Usage: sms-assure lint "<message>" \[options\]/u);
  expect(printed()).toContain('--service-name NAME');
  expect(await lintCommand(['-h'])).toBe(0);
});

test.each([
  [[], /give the message to check/u],
  [['one', 'two'], /expected one message, got 2/u],
  [['hello', '--colour'], /Unknown option '--colour'/u],
  [['hello', '--rate'], /argument missing/u],
  [['hello', '--rate', 'free'], /--rate: expected a positive number, got 'free'/u],
  [['hello', '--rate', '0'], /--rate: expected a positive number/u],
])('bad usage %j is a configuration error (exit 3)', async (argv, problem) => {
  const failure = lintCommand(argv);
  await expect(failure).rejects.toBeInstanceOf(ConfigError);
  await expect(failure).rejects.toThrow(problem);
  expect(log).not.toHaveBeenCalled();
});
