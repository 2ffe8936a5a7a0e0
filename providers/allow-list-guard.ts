import { HarnessError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import type { ProviderAdapter, SendRequest, SentMessage } from './contract.ts';

/**
 * Stops a send to any number the target does not allow. It guards against texting a real person
 * by accident: a real target only ever receives the numbers its configuration names.
 */
export class AllowListGuard implements ProviderAdapter {
  readonly dialect: string;
  readonly capabilities: ProviderAdapter['capabilities'];
  readonly #inner: ProviderAdapter;
  readonly #allowed: ReadonlySet<string>;

  constructor(inner: ProviderAdapter, target: ResolvedTarget) {
    this.#inner = inner;
    this.dialect = inner.dialect;
    this.capabilities = inner.capabilities;
    const { numbers } = target;
    this.#allowed = new Set(
      [
        ...target.allowList,
        ...numbers.delivered,
        ...numbers.temporaryFailure,
        ...numbers.permanentFailure,
        ...numbers.smoke,
      ].map(digitsOf),
    );
  }

  send(request: SendRequest): Promise<SentMessage> {
    if (!this.#allowed.has(digitsOf(request.to))) {
      throw new HarnessError(
        'ASSURE_NUMBER_NOT_ALLOWED',
        `refused to send to a number outside the target's allowList and test numbers ` +
          `(last digits ${digitsOf(request.to).slice(-3)}); add it to allowList if it is yours`,
      );
    }
    return this.#inner.send(request);
  }

  status(id: string) {
    return this.#inner.status(id);
  }

  list(query: Parameters<ProviderAdapter['list']>[0]) {
    return this.#inner.list(query);
  }
}

/** Compares numbers by their national significant digits, so 07700… and +447700… match. */
function digitsOf(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (digits.startsWith('44')) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
}
