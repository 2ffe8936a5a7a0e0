import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { SnsAccount } from './account.ts';
import type { SmsAttributes } from './sms-attributes.ts';
import type { SmsLog } from './sms-log.ts';

/** What the SNS routes share. */
export interface SnsContext {
  readonly account: SnsAccount;
  readonly attributes: SmsAttributes;
  readonly log: SmsLog;
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
}

/** A Query API call once its signature is checked: its form and the region it was signed for. */
export interface SignedCall {
  readonly form: URLSearchParams;
  readonly region: string;
  readonly requestId: string;
}
