import type { SimClock } from './clock.ts';
import type { MessageLifecycle } from './lifecycle.ts';
import type { ProfileBehaviour } from './profiles.ts';
import type { SimulatorStore } from './store.ts';

/** What the aggregator lends every dialect's routes: one store, clock, lifecycle and profile. */
export interface SharedContext {
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
  readonly store: SimulatorStore;
  readonly clock: SimClock;
}
