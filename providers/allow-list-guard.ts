import { HarnessError } from '../core/errors.ts';
import { isFictionNumber } from '../numbering/index.ts';
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
  /**
   * A simulator has no real handsets and a test key texts nobody, so there any number reserved
   * for fiction is fair game.
   */
  readonly #textsNobody: boolean;

  constructor(inner: ProviderAdapter, target: ResolvedTarget) {
    this.#inner = inner;
    this.dialect = inner.dialect;
    this.capabilities = inner.capabilities;
    this.#textsNobody = target.simulator !== undefined || target.keyType === 'test';
    const { numbers } = target;
    this.#allowed = new Set(
      [
        ...target.allowList,
        ...numbers.delivered,
        ...numbers.temporaryFailure,
        ...numbers.permanentFailure,
        ...numbers.technicalFailure,
        ...numbers.smoke,
        // The supplier's reserved test numbers reach no network, and only its test credentials.
        ...(target.keyType === 'test' ? (inner.capabilities.testRejections ?? []) : []).map(
          (r) => r.to,
        ),
      ].map(digitsOf),
    );
  }

  send(request: SendRequest): Promise<SentMessage> {
    const fictional = this.#textsNobody && isFictionNumber(toE164(request.to));
    if (!fictional && !this.#allowed.has(digitsOf(request.to))) {
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

  inbound() {
    return this.#inner.inbound();
  }
}

function toE164(number: string): string {
  const trimmed = number.replace(/[\s()-]/g, '');
  if (trimmed.startsWith('+')) return trimmed;
  if (trimmed.startsWith('00')) return `+${trimmed.slice(2)}`;
  if (trimmed.startsWith('0')) return `+44${trimmed.slice(1)}`;
  return `+${trimmed}`;
}

/** Compares numbers by their national significant digits, so 07700… and +447700… match. */
function digitsOf(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (digits.startsWith('44')) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
}
