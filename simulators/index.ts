/**
 * The embedded aggregator simulator. It speaks GOV.UK Notify's API v2, so the official client
 * works against it with only the base URL changed, and it has a control API under `/_sim`.
 */
export { startSimulator, type SimulatorOptions, type StartedSimulator } from './start-simulator.ts';
export { PROFILES, describeProfile, type ProfileName } from './aggregator/profiles.ts';
export type { NotifyCredentials } from './dialects/notify/service.ts';
export type { SnsCredentials } from './dialects/sns/index.ts';
export type { SenderKind, SmsSender } from './dialects/notify/senders.ts';
export type { PriceRow, PriceTable } from './dialects/notify/prices.ts';
export { DEFAULT_OUTCOME_RULES, type OutcomeRule } from './aggregator/network-model.ts';
export type { CallbackAttempt } from './aggregator/control-api.ts';
export { FaultPlanSchema, type FaultPlan, type FaultPlanInput } from './aggregator/faults/plan.ts';
export type {
  HandsetInbox,
  HandsetReply,
  HandsetSummary,
  HandsetText,
} from './aggregator/handsets.ts';
