import { readFile, stat } from 'node:fs/promises';
import { isMap, isSeq, parseDocument, type Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';

/** Reads a file the user named; anything but a readable regular file is bad configuration. */
export async function readYamlFile(file: string): Promise<string> {
  try {
    // A FIFO or device would block or never end: only a regular file is read.
    if (!(await stat(file)).isFile()) throw new Error('not a regular file');
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
}

/**
 * Parses YAML (or JSON, which is YAML) and validates it against `schema`. Every problem names
 * the field's path and, where the file has it, its line.
 */
export function parseYaml<T>(text: string, source: string, schema: z.ZodType<T>): T {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });

  if (document.errors.length > 0) {
    throw new ConfigError(
      source,
      document.errors.map((e) => `line ${lines.linePos(e.pos[0]).line}: ${e.message}`),
    );
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(source, [`cannot be read: ${(error as Error).message}`]);
  }

  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;

  throw new ConfigError(
    source,
    parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const line = lineOf(document, lines, path);
      const where = path.length > 0 ? path.join('.') : '(top level)';
      return `${where}${line ? ` (line ${line})` : ''}: ${issue.message}`;
    }),
  );
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(document: Document, lines: LineCounter, path: string[]): number | undefined {
  let node: unknown = document.contents;
  let line: number | undefined;

  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value) === key,
      );
      const range = (pair?.key as { range?: [number] } | undefined)?.range;
      if (range) line = lines.linePos(range[0]).line;
      node = pair?.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
      const range = (node as { range?: [number] } | undefined)?.range;
      if (range) line = lines.linePos(range[0]).line;
    } else {
      break;
    }
  }
  return line;
}
