import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { RouteHandler, Router } from '../../aggregator/router.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { openFiretextAccount, type FiretextAccount } from './account.ts';
import { FiretextRefusal } from './answers.ts';
import { FiretextReceipts } from './receipts.ts';
import { sendSms, type FiretextContext } from './send-sms.ts';

/** What a client of the simulated Firetext needs. */
export interface FiretextCredentials {
  readonly apiKey: string;
  /** The sender the simulator's harness targets use by default. */
  readonly from: string;
}

/**
 * Firetext's JSON send API, as GOV.UK Notify uses it, on the simulator's store, clock, network
 * and profiles: the send, its answer codes, and receipts to the URL each send names.
 */
export class FiretextDialect {
  readonly account: FiretextAccount;
  readonly hooks: FiretextReceipts;

  constructor(store: SimulatorStore, keepKeys: boolean) {
    this.account = openFiretextAccount(store, keepKeys);
    this.hooks = new FiretextReceipts(store);
  }

  addRoutes(
    router: Router,
    shared: { readonly lifecycle: MessageLifecycle; readonly profile: ProfileBehaviour },
  ): void {
    const context: FiretextContext = { ...shared, account: this.account, receipts: this.hooks };
    router.add('POST', '/api/sendsms/json', firetextRoute(context));
  }

  credentials(): FiretextCredentials {
    return { apiKey: this.account.apiKey, from: 'ASSURE' };
  }
}

function firetextRoute(context: FiretextContext): RouteHandler {
  return async (request) => {
    try {
      return await sendSms(context, request);
    } catch (error) {
      if (error instanceof FiretextRefusal) return error.toResponse();
      throw error;
    }
  };
}
