import { z } from 'zod';
import { CONTROL_PREFIX, controlRoute } from '../../aggregator/control-api.ts';
import { isHttpUrl } from '../../aggregator/http-url.ts';
import { jsonBody } from '../../aggregator/json-body.ts';
import type { Router } from '../../aggregator/router.ts';
import type { VonageBalance } from './balance.ts';
import { DLR_FORMATS, type VonageReceipts } from './receipts.ts';

const CallbackSchema = z.object({
  url: z.string(),
  format: z.enum(DLR_FORMATS).default('POST-JSON'),
});
const BalanceSchema = z.object({ balance: z.number().nonnegative() });

/**
 * What an account sets in Vonage's dashboard, set through the control API: the default
 * delivery-receipt URL and its format. Also the account's credit, so that running out
 * (status 9) can be shown.
 */
export function addVonageControlRoutes(
  router: Router,
  context: {
    readonly receipts: VonageReceipts;
    readonly balance: VonageBalance;
    /** Whether an http:// receipt URL is taken. */
    readonly httpCallbacks: boolean;
  },
): void {
  const { receipts, balance, httpCallbacks } = context;
  router
    .add(
      'GET',
      `${CONTROL_PREFIX}/vonage/callback`,
      controlRoute(() => ({ status: 200, json: receipts.accountCallback() ?? {} })),
    )
    .add(
      'PUT',
      `${CONTROL_PREFIX}/vonage/callback`,
      controlRoute((request) => {
        const parsed = CallbackSchema.safeParse(jsonBody(request));
        if (!parsed.success || !isHttpUrl(parsed.data.url)) {
          return refuse('expected {"url": an http(s) URL, "format": "POST-JSON" or "POST"}');
        }
        if (!httpCallbacks && !parsed.data.url.startsWith('https:')) {
          return refuse('the delivery receipt URL must be https');
        }
        receipts.setAccountCallback(parsed.data);
        return { status: 200, json: parsed.data };
      }),
    )
    .add(
      'PUT',
      `${CONTROL_PREFIX}/vonage/balance`,
      controlRoute((request) => {
        const parsed = BalanceSchema.safeParse(jsonBody(request));
        if (!parsed.success) return refuse('expected {"balance": euros, at least 0}');
        balance.set(parsed.data.balance);
        return { status: 200, json: parsed.data };
      }),
    );
}

function refuse(error: string) {
  return { status: 400, json: { error } };
}
