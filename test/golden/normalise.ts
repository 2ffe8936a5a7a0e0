import { hostname, tmpdir } from 'node:os';
import { findAll, parseMarkup, type MarkupElement } from '../../reports/fixtures/parse-markup.ts';

/**
 * Makes report output comparable across runs: whatever differs between two runs of the same
 * configuration (times, durations, run ids, message ids and tokens, text fingerprints, ports,
 * host names, temp paths) is replaced by a placeholder naming what it was. Everything else is
 * kept, so a golden file still shows every change to what a report says and how it is laid out.
 */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  // A message text's fingerprint is keyed per run (core/body-redaction.ts).
  [/(\[body: \d+ chars #)[0-9a-f]{8}\]/g, '$1<fingerprint>]'],
  [/run-\d{8}T\d{6}Z-[0-9a-f]{4}/g, '<run-id>'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?/g, '<time>'],
  [/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/g, '<time>'],
  [/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>'],
  [/\b[0-9a-f]{12}\b/g, '<token>'],
  [/(127\.0\.0\.1|localhost|\[::1\]):\d{2,5}/g, '$1:<port>'],
  [/\btime="[\d.]+"/g, 'time="<seconds>"'],
  [/\b\d+(?:\.\d+)? (ms|s)\b/g, '<n> $1'],
];

/** Keys whose JSON values are timings: their value is replaced, the key kept. */
const VOLATILE_KEYS = new Set(['durationMs', 'latencyMs', 'deadlineMs', 'date']);

export function normaliseText(text: string, paths: readonly string[] = []): string {
  let out = text;
  for (const path of [...paths, tmpdir()].filter((p) => p.length > 1)) {
    out = out.split(path).join('<tmp>');
  }
  out = out.split(hostname()).join('<host-name>');
  for (const [pattern, placeholder] of PATTERNS) out = out.replace(pattern, placeholder);
  return out;
}

/** JSON with timing values replaced and every text normalised, pretty-printed for diffs. */
export function normaliseJson(text: string, paths: readonly string[] = []): string {
  const value = JSON.parse(text, (key, v: unknown) => {
    if (VOLATILE_KEYS.has(key)) return `<${key}>`;
    if (isTimingMeasurement(v)) return { ...v, value: '<value>' };
    return v;
  }) as unknown;
  return `${normaliseText(JSON.stringify(value, null, 2), paths)}\n`;
}

function isTimingMeasurement(v: unknown): v is { kind: string; unit: string } {
  const m = v as { kind?: unknown; unit?: unknown } | null;
  return typeof m === 'object' && m?.kind === 'measurement' && m.unit === 'ms';
}

/**
 * The HTML report as an outline of its text and structure: one line per element (tag, id and
 * class) with its own text. A chart becomes its caption only: what it draws depends on timings.
 * The style and script are left out; a test of their content security policy covers them.
 */
export function htmlOutline(html: string, paths: readonly string[] = []): string {
  const document = parseMarkup(html, 'html');
  const [root] = findAll(document, 'html');
  if (!root) throw new Error('no <html> element');

  for (const table of findAll(root, 'table')) maskTimingColumns(table);
  const lines: string[] = [];
  walk(root, 0, lines);
  return `${normaliseText(lines.join('\n'), paths)}\n`;
}

const SKIPPED = new Set(['style', 'script']);

/** Column headings of timings: their cells differ from run to run. */
const TIMING_COLUMN = /latency|\((?:ms|s)\)|took|duration/i;

function maskTimingColumns(table: MarkupElement) {
  const [head] = findAll(table, 'thead');
  const headings = head ? findAll(head, 'th').map((th) => ownText(th)) : [];
  const timed = new Set(headings.flatMap((text, i) => (TIMING_COLUMN.test(text) ? [i] : [])));
  if (timed.size === 0) return;

  for (const body of findAll(table, 'tbody')) {
    for (const row of findAll(body, 'tr')) {
      row.children.forEach((cell, i) => {
        if (timed.has(i)) cell.nodes.splice(0, cell.nodes.length, '<timing>');
      });
    }
  }
}

function walk(element: MarkupElement, depth: number, lines: string[]) {
  if (SKIPPED.has(element.name)) return;

  const id = element.attributes.id ? `#${element.attributes.id}` : '';
  const classes = element.attributes.class
    ? `.${element.attributes.class.split(' ').join('.')}`
    : '';
  const chart = element.name === 'figure' && classes.includes('chart');
  const text = ownText(chart ? (findAll(element, 'figcaption')[0] ?? element) : element);
  lines.push(
    `${'  '.repeat(depth)}${element.name}${id}${classes}${text ? ` ${JSON.stringify(text)}` : ''}`,
  );

  if (chart) return;
  for (const child of element.children) walk(child, depth + 1, lines);
}

function ownText(element: MarkupElement): string {
  return element.nodes
    .filter((node): node is string => typeof node === 'string')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
