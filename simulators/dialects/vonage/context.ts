import type { SimClock } from '../../aggregator/clock.ts';
import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { VonageAccount } from './account.ts';
import type { VonageBalance } from './balance.ts';
import type { VonageReceipts } from './receipts.ts';

/** What the Vonage routes share. */
export interface VonageContext {
  readonly account: VonageAccount;
  readonly balance: VonageBalance;
  readonly receipts: VonageReceipts;
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
  readonly store: SimulatorStore;
  readonly clock: SimClock;
}
