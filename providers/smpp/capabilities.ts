import type { Capabilities } from '../contract.ts';

/**
 * What SMPP offers a client: receipts pushed as deliver_sm on the bound session and states
 * read with query_sm; texts from handsets as deliver_sm. It has no test mode, no listing, no
 * prices, and query_sm answers only a state, so a message cannot be read back.
 */
export const SMPP_CAPABILITIES: Capabilities = {
  receipts: ['polling'],
  testMode: false,
  listing: false,
  priceData: false,
  inbound: true,
  readBack: false,
};
