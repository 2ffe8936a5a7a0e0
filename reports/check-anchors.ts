import type { CheckRecord } from '../core/check-record.ts';

/**
 * Stable, unique `id` attributes for the checks of one report, so the requirement matrix and the
 * findings can link to the check behind them. Ids are built from a position and a safe slug,
 * never from raw check ids, which could hold anything.
 */
export class CheckAnchors {
  readonly #byCheck = new Map<CheckRecord, string>();
  readonly #byKey = new Map<string, string>();

  constructor(checks: readonly CheckRecord[]) {
    checks.forEach((check, index) => {
      const anchor = `check-${index + 1}-${slug(check.id)}`;
      this.#byCheck.set(check, anchor);
      this.#byKey.set(key(check.target, check.id), anchor);
    });
  }

  of(check: CheckRecord): string {
    return this.#byCheck.get(check) ?? `check-${slug(check.id)}`;
  }

  find(target: string, checkId: string): string | undefined {
    return this.#byKey.get(key(target, checkId));
  }
}

function key(target: string, checkId: string): string {
  return JSON.stringify([target, checkId]);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
