import { HarnessError } from '../../core/errors.ts';

/** Runs a read of an observer; whatever goes wrong is the harness's, never the supplier's. */
export async function readingObserver<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new HarnessError('ASSURE_OBSERVER', `cannot read ${what}: ${detail}`, { cause: error });
  }
}
