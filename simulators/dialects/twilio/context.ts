import type { SimClock } from '../../aggregator/clock.ts';
import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { TwilioAccount } from './account.ts';
import type { TwilioPhoneNumbers } from './phone-numbers.ts';
import type { TwilioCallbacks } from './status-callbacks.ts';
import type { TwilioSenders } from './senders.ts';

/** What the Twilio routes share. */
export interface TwilioContext {
  readonly account: TwilioAccount;
  readonly senders: TwilioSenders;
  readonly phoneNumbers: TwilioPhoneNumbers;
  readonly callbacks: TwilioCallbacks;
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
  readonly store: SimulatorStore;
  readonly clock: SimClock;
}
