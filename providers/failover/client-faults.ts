import { Agent, type Dispatcher } from 'undici';
import { seededRandom } from '../../core/seeded-random.ts';

/**
 * Faults injected on the client side, for suppliers that cannot be told to fail (a real
 * sandbox): requests are dropped before they leave, answered requests lose their reply, or
 * requests are held back. Only the harness's own requests are touched.
 */
export interface ClientFaultPlan {
  /**
   * `before-sending`: the request never leaves, as with a refused connection; `after-sending`:
   * it reaches the supplier, which may act on it, and the reply is lost.
   */
  readonly drop?: { readonly rate: number; readonly when: 'before-sending' | 'after-sending' };
  /** Holds each request back by a uniform delay in this range (ms). */
  readonly delayMs?: { readonly min: number; readonly max: number };
  readonly seed?: number;
}

/** The error a dropped request ends with; its code says whether it ever left. */
export class InjectedFaultError extends Error {
  override readonly name = 'InjectedFaultError';

  constructor(readonly code: 'ECONNREFUSED' | 'UND_ERR_SOCKET') {
    super(
      code === 'ECONNREFUSED'
        ? 'client-side fault: the request was dropped before it was sent'
        : 'client-side fault: the reply was dropped after the request was sent',
    );
  }
}

type Handler = Dispatcher.DispatchHandler;
type Controller = Parameters<NonNullable<Handler['onResponseError']>>[0];

/** A controller for a request that never reached the wire: there is nothing to pause or abort. */
const UNSENT: Controller = {
  abort: () => undefined,
  pause: () => undefined,
  resume: () => undefined,
  aborted: false,
  paused: false,
  reason: null,
};

export class ClientFaults {
  readonly #agent = new Agent();
  #plan: ClientFaultPlan | undefined;
  #random: () => number = Math.random;

  /** Give this to the adapter's HTTP client; with no plan set it changes nothing. */
  readonly dispatcher: Dispatcher = this.#agent.compose(
    (dispatch) => (options, handler) => this.#intercept(dispatch, options, handler),
  );

  set(plan: ClientFaultPlan): void {
    this.#plan = plan;
    this.#random = plan.seed === undefined ? Math.random : seededRandom(plan.seed);
  }

  clear(): void {
    this.#plan = undefined;
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  #intercept(
    dispatch: Dispatcher['dispatch'],
    options: Dispatcher.DispatchOptions,
    handler: Handler,
  ): boolean {
    const plan = this.#plan;
    if (!plan) return dispatch(options, handler);

    const drop = plan.drop && this.#random() < plan.drop.rate ? plan.drop.when : undefined;
    const delay = plan.delayMs ? between(this.#random(), plan.delayMs) : 0;
    const go = () => {
      if (drop === 'before-sending') {
        handler.onResponseError?.(UNSENT, new InjectedFaultError('ECONNREFUSED'));
      } else if (drop === 'after-sending') {
        dispatch(options, replyLost(handler));
      } else {
        dispatch(options, handler);
      }
    };

    if (delay > 0) setTimeout(go, delay);
    else queueMicrotask(go);
    return true;
  }
}

/** Passes the request on, and turns whatever answer comes back into a broken connection. */
function replyLost(handler: Handler): Handler {
  return {
    onRequestStart: (controller, context: unknown) => handler.onRequestStart?.(controller, context),
    onResponseStart: (controller) => controller.abort(new InjectedFaultError('UND_ERR_SOCKET')),
    onResponseData: () => undefined,
    onResponseEnd: () => undefined,
    onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
  };
}

function between(draw: number, range: { readonly min: number; readonly max: number }): number {
  return range.min + draw * (range.max - range.min);
}
