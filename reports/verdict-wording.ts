import { CHECK_OUTCOMES, VERDICTS, type CheckOutcome, type Verdict } from '../core/verdict.ts';

/** A requirement's verdict or a single check's outcome: the two share most of their words. */
export type Judgement = Verdict | CheckOutcome;

export const JUDGEMENTS: readonly Judgement[] = [...new Set([...VERDICTS, ...CHECK_OUTCOMES])];

/**
 * How a verdict or outcome reads in every report. The symbol and the label always travel
 * together, so nothing depends on colour; an `error` never reads as a supplier failure.
 */
export interface Wording {
  readonly symbol: string;
  readonly label: string;
  readonly meaning: string;
}

const ERROR: Wording = {
  symbol: '⚠',
  label: 'Could not be judged: harness or network error',
  meaning: 'the harness or the network failed, so nothing can be said about the supplier',
};

export const VERDICT_WORDING: Readonly<Record<Verdict, Wording>> = {
  pass: {
    symbol: '✓',
    label: 'Pass',
    meaning: 'every check that covers it passed, and at least one covers it fully',
  },
  fail: {
    symbol: '✗',
    label: 'Fail',
    meaning: 'a check found that the supplier does not meet it',
  },
  partial: {
    symbol: '◐',
    label: 'Partial',
    meaning: 'the checks that passed cover only part of it',
  },
  'not-evidenced': {
    symbol: '○',
    label: 'Not evidenced',
    meaning: 'no check ran and no attestation was accepted',
  },
  'not-applicable': {
    symbol: '–',
    label: 'Not applicable',
    meaning: 'it does not apply to this target',
  },
  error: ERROR,
};

export const OUTCOME_WORDING: Readonly<Record<CheckOutcome, Wording>> = {
  pass: { symbol: '✓', label: 'Pass', meaning: 'the supplier behaved as the requirements ask' },
  fail: {
    symbol: '✗',
    label: 'Fail',
    meaning: 'the supplier did not behave as the requirements ask; see the findings',
  },
  error: ERROR,
  'not-applicable': {
    symbol: '–',
    label: 'Not applicable',
    meaning: 'the check does not apply to this target',
  },
  skipped: {
    symbol: '↷',
    label: 'Skipped',
    meaning: 'the check cannot run on this target, so it evidences nothing',
  },
};

/** Verdict words take precedence: where a verdict and an outcome share a name, they agree. */
export function wordingOf(judgement: Judgement): Wording {
  return isVerdict(judgement) ? VERDICT_WORDING[judgement] : OUTCOME_WORDING[judgement];
}

export function isVerdict(judgement: Judgement): judgement is Verdict {
  return (VERDICTS as readonly string[]).includes(judgement);
}

export function isOutcome(judgement: Judgement): judgement is CheckOutcome {
  return (CHECK_OUTCOMES as readonly string[]).includes(judgement);
}

/** Symbol and label, for plain-text reports. */
export function judgementText(judgement: Judgement): string {
  const wording = wordingOf(judgement);
  return `${wording.symbol} ${wording.label}`;
}
