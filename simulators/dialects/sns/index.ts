import type { DialectHooks, MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { Router } from '../../aggregator/router.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { openSnsAccount, SNS_REGION, type SnsAccount } from './account.ts';
import { addSnsRoutes } from './routes.ts';
import { SmsAttributes } from './sms-attributes.ts';
import { SmsLog } from './sms-log.ts';

/** What a client of the simulated SNS needs: the access key, the region, the sender ID. */
export interface SnsCredentials extends SnsAccount {
  readonly region: string;
  /** The account's default sender ID (`DefaultSenderID`): texts carry it unless they name one. */
  readonly senderId: string;
}

/**
 * SNS reports delivery only to CloudWatch Logs, never to the sender: no receipt callbacks, no
 * replies, so every hook says no.
 */
const NO_CALLBACKS: DialectHooks = {
  wantsCallbacks: () => false,
  receiptCallback: () => undefined,
  wantsReceivedTextCallbacks: () => false,
  receivedTextCallback: () => undefined,
};

/** The AWS SNS dialect, before the lifecycle exists: its account, SMS attributes and log. */
export class SnsDialect {
  readonly account: SnsAccount;
  readonly attributes: SmsAttributes;
  readonly log = new SmsLog();
  readonly hooks = NO_CALLBACKS;

  constructor(store: SimulatorStore, keepKeys: boolean) {
    this.account = openSnsAccount(store, keepKeys);
    this.attributes = new SmsAttributes(store);
  }

  addRoutes(
    router: Router,
    shared: {
      readonly lifecycle: MessageLifecycle;
      readonly profile: ProfileBehaviour;
    },
  ): void {
    const { account, attributes, log } = this;
    addSnsRoutes(router, { ...shared, account, attributes, log });
  }

  credentials(): SnsCredentials {
    return {
      ...this.account,
      region: SNS_REGION,
      senderId: this.attributes.get(['DefaultSenderID'])['DefaultSenderID'] ?? '',
    };
  }
}
