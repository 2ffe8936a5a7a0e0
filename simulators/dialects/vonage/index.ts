import type { Router } from '../../aggregator/router.ts';
import type { SharedContext } from '../../aggregator/shared-context.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { openVonageAccount, type VonageAccount } from './account.ts';
import { VonageBalance } from './balance.ts';
import { addVonageControlRoutes } from './control-routes.ts';
import { VonageReceipts } from './receipts.ts';
import { addVonageRoutes } from './routes.ts';

/** What a client of the simulated Vonage needs: the account's secrets and its default sender. */
export interface VonageCredentials extends VonageAccount {
  /** An alphanumeric sender the account may use. */
  readonly from: string;
}

/** The Vonage dialect, before the lifecycle exists: its account, credit and receipt hooks. */
export class VonageDialect {
  readonly account: VonageAccount;
  readonly balance: VonageBalance;
  readonly hooks: VonageReceipts;

  /** `signs`: whether receipts carry their signature (not under `unauthenticated-callbacks`). */
  constructor(store: SimulatorStore, keepKeys: boolean, signs: boolean) {
    this.account = openVonageAccount(store, keepKeys);
    this.balance = new VonageBalance(store);
    this.hooks = new VonageReceipts(store, this.account, signs);
  }

  addRoutes(router: Router, shared: SharedContext & { readonly httpCallbacks: boolean }): void {
    const { account, balance, hooks: receipts } = this;
    addVonageRoutes(router, { ...shared, account, balance, receipts });
    addVonageControlRoutes(router, { receipts, balance, httpCallbacks: shared.httpCallbacks });
  }

  credentials(): VonageCredentials {
    return { ...this.account, from: 'ASSURE' };
  }
}
