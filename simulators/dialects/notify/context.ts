import type { SimClock } from '../../aggregator/clock.ts';
import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { RouteRequest } from '../../aggregator/router.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { NotifyAuthenticator } from './auth.ts';
import type { NotifySenders } from './senders.ts';

/** What the Notify routes share. */
export interface NotifyContext {
  readonly auth: NotifyAuthenticator;
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly senders: NotifySenders;
  /** Notify's `international_sms` permission. */
  readonly internationalSms: boolean;
}

/** Flask's `request.url_root`: links in replies point at the host the client called. */
export function urlRoot(request: RouteRequest): string {
  const scheme = request.encrypted ? 'https' : 'http';
  return `${scheme}://${request.headers.host ?? 'localhost'}/`;
}
