import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import type { Router } from '../../aggregator/router.ts';
import type { SharedContext } from '../../aggregator/shared-context.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { openTwilioAccount, type TwilioAccount } from './account.ts';
import { addTwilioControlRoutes } from './control-routes.ts';
import { TwilioPhoneNumbers } from './phone-numbers.ts';
import { addTwilioRoutes } from './routes.ts';
import { TwilioSenders } from './senders.ts';
import { TwilioCallbacks } from './status-callbacks.ts';
import { TEST_FROM } from './test-credentials.ts';

/** What a client of the simulated Twilio needs: the account, its test credentials, senders. */
export interface TwilioCredentials extends TwilioAccount {
  /** The `From` test credentials accept. */
  readonly testFrom: string;
  /** The default alphanumeric sender, and the number the account owns. */
  readonly from: string;
  readonly ownedNumber: string;
}

/** The Twilio dialect, before the lifecycle exists: its account, senders and hooks. */
export class TwilioDialect {
  readonly account: TwilioAccount;
  readonly senders: TwilioSenders;
  /** The owned numbers: where handsets' texts arrive, and the webhooks they go on to. */
  readonly phoneNumbers: TwilioPhoneNumbers;
  readonly hooks: DialectHooks & TwilioCallbacks;

  constructor(store: SimulatorStore, keepKeys: boolean) {
    this.account = openTwilioAccount(store, keepKeys);
    this.senders = new TwilioSenders(store);
    this.phoneNumbers = new TwilioPhoneNumbers(store, this.senders, this.account.accountSid);
    this.hooks = new TwilioCallbacks(store, this.account, this.phoneNumbers);
  }

  addRoutes(router: Router, shared: SharedContext): void {
    const { account, senders, phoneNumbers, hooks: callbacks } = this;
    addTwilioRoutes(router, { ...shared, account, senders, phoneNumbers, callbacks });
    addTwilioControlRoutes(router, { senders, profile: shared.profile });
  }

  credentials(): TwilioCredentials {
    const senders = this.senders.list();
    return {
      ...this.account,
      testFrom: TEST_FROM,
      from: senders.find((s) => s.isDefault)?.text ?? 'ASSURE',
      ownedNumber: senders.find((s) => s.kind === 'phone-number')?.text ?? '',
    };
  }
}
