import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FINDING_CODES } from '../core/finding-codes.ts';
import { REQUIREMENTS } from '../core/requirements.ts';
import { FINDING_REMEDIES, GENERAL_REMEDY, REQUIREMENT_REMEDIES, remedyFor } from './remedies.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where findings are made, and the forms a finding code takes there. */
const SOURCES = ['suites', 'probes', 'providers', 'runner', 'content', 'core'];
const CODE_FORMS = [
  /\bcode: '([a-z][a-z0-9_]*)'/g,
  /\bfinding\(\s*'([a-z][a-z0-9_]*)'/g,
  /new ProviderResponseError\(\s*'([a-z][a-z0-9_]*)'/g,
];
/** Literals of the same form that are no finding: zod's issue code in schema refinements. */
const NOT_FINDINGS = new Set(['custom']);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every finding code written out in the sources, with the file that writes it. */
async function codesInSources(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const files = (await Promise.all(SOURCES.map(sourceFiles))).flat();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const form of CODE_FORMS) {
      for (const [, code] of text.matchAll(form)) {
        if (code && !NOT_FINDINGS.has(code)) found.set(code, relative(ROOT, file));
      }
    }
  }
  return found;
}

describe('what to do about a finding', () => {
  test('every finding code the sources write has advice of its own', async () => {
    const found = await codesInSources();
    const without = [...found].filter(([code]) => !Object.hasOwn(FINDING_REMEDIES, code));

    expect(found.size).toBeGreaterThan(60);
    expect(without.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  test('the table advises on exactly the known codes, in one or two sentences', () => {
    expect(Object.keys(FINDING_REMEDIES).sort()).toEqual([...FINDING_CODES].sort());
    for (const [code, remedy] of Object.entries(FINDING_REMEDIES)) {
      expect(remedy, code).toMatch(/^[A-Z"'].*\.$/);
      expect(remedy.split(/\.\s+(?=[A-Z])/).length, code).toBeLessThanOrEqual(2);
    }
  });

  test('every requirement in the catalogue has advice for codes without their own', () => {
    expect(Object.keys(REQUIREMENT_REMEDIES)).toEqual(REQUIREMENTS.map((r) => r.id));
  });

  test('a finding is advised by its code first', () => {
    const remedy = remedyFor({ code: 'callback_over_http', requirement: 'RCPT-03' });

    expect(remedy).toBe(FINDING_REMEDIES.callback_over_http);
    expect(remedy).not.toBe(REQUIREMENT_REMEDIES['RCPT-03']);
  });

  test('an unknown code falls back to its requirement, then to general advice', () => {
    expect(remedyFor({ code: 'from_an_older_run', requirement: 'SID-01' })).toBe(
      REQUIREMENT_REMEDIES['SID-01'],
    );
    expect(remedyFor({ code: 'from_an_older_run', requirement: 'XYZ-9' })).toBe(GENERAL_REMEDY);
    expect(remedyFor({ code: 'from_an_older_run' })).toBe(GENERAL_REMEDY);
  });

  test('a name the table inherits from Object is no code of its own', () => {
    expect(remedyFor({ code: 'constructor', requirement: 'ERR-01' })).toBe(
      REQUIREMENT_REMEDIES['ERR-01'],
    );
  });
});
