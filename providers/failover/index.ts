/**
 * A failover sender services can reuse: ordered targets, cockatiel's retry, timeout and circuit
 * breaker, demotion on slow delivery, and no message sent twice. See README.md here.
 */
export {
  FailoverSender,
  type FailoverSenderOptions,
  type FailoverTarget,
} from './failover-sender.ts';
export type { LaneChange, LanePolicies, LaneState } from './lane.ts';
export type { AttemptOutcome, MessageRoute, RouteAttempt, RouteState } from './message-route.ts';
export type { SlowDeliveryPolicy } from './delivery-health.ts';
export { classifySendError, type SendFailure } from './send-error.ts';
export { ClientFaults, InjectedFaultError, type ClientFaultPlan } from './client-faults.ts';
