import type { CallbackKind } from './callback-dispatcher.ts';
import type { SimClock } from './clock.ts';
import type { ProfileName } from './profiles.ts';
import type { RouteHandler, Router } from './router.ts';
import type { SimulatorStore } from './store.ts';

/** The control API's prefix; tests and the harness use it, clients of a dialect never do. */
export const CONTROL_PREFIX = '/_sim';

export interface ControlContext {
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly profile: ProfileName;
}

/** One attempt to deliver a callback, as `GET /_sim/callbacks` lists it. */
export interface CallbackAttempt {
  readonly kind: CallbackKind;
  /** The message, or for a received text the reply, that the callback is about. */
  readonly messageId: string;
  readonly url: string;
  readonly attempt: number;
  readonly status?: number;
  readonly error?: string;
  /** ISO 8601, real wall clock. */
  readonly at: string;
}

export function addControlRoutes(router: Router, context: ControlContext): void {
  const { store } = context;
  router
    .add(
      'GET',
      `${CONTROL_PREFIX}/health`,
      controlRoute(() => health(context)),
    )
    .add(
      'GET',
      `${CONTROL_PREFIX}/callbacks`,
      controlRoute((request) => {
        const messageId = request.query.get('messageId') ?? undefined;
        return { status: 200, json: { attempts: callbackAttempts(store, messageId) } };
      }),
    );
}

/**
 * Control routes answer only on loopback: they change what the simulator does and show what
 * handsets received, which no remote caller should see even when the simulator binds wider.
 */
export function controlRoute(handler: RouteHandler): RouteHandler {
  return (request) => {
    if (!isLoopback(request.remoteAddress)) {
      return { status: 403, json: { error: 'the control API answers on loopback only' } };
    }
    return handler(request);
  };
}

function health(context: ControlContext) {
  return {
    status: 200,
    json: {
      ok: true,
      profile: context.profile,
      timeScale: context.clock.timeScale,
      pendingWork: context.store.pendingWork(context.clock.nowMicros()),
    },
  };
}

function callbackAttempts(store: SimulatorStore, messageId?: string): CallbackAttempt[] {
  return store.callbackAttempts(messageId).map((row) => ({
    kind: row.kind,
    messageId: row.messageId,
    url: row.url,
    attempt: row.attempt,
    ...(row.status !== null && { status: row.status }),
    ...(row.error !== null && { error: row.error }),
    at: new Date(row.at).toISOString(),
  }));
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
