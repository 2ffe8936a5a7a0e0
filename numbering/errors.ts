import { AssureError, type FaultKind } from '../core/errors.ts';

export type NumberingErrorCode =
  'ASSURE_NO_FICTION_RANGE' | 'ASSURE_FICTION_RANGE_EXHAUSTED' | 'ASSURE_BAD_NUMBER_COUNT';

// Asking for a country or a quantity the ranges cannot give is a configuration problem; a count
// that is not a whole number is a bug in the caller.
const KIND: Readonly<Record<NumberingErrorCode, FaultKind>> = {
  ASSURE_NO_FICTION_RANGE: 'config',
  ASSURE_FICTION_RANGE_EXHAUSTED: 'config',
  ASSURE_BAD_NUMBER_COUNT: 'harness',
};

/** The number plan cannot give the numbers asked for. */
export class NumberingError extends AssureError {
  override readonly name = 'NumberingError';
  readonly kind: FaultKind;

  constructor(
    readonly code: NumberingErrorCode,
    message: string,
  ) {
    super(message);
    this.kind = KIND[code];
  }
}
