import type { TargetConfig } from '../core/config/schema.ts';
import type { ContentPlan, SenderPlan, TestNumbers } from '../core/target.ts';

// A target's senders, content and numbers as its configuration states them, defaults filled in.

export function senderPlan(config: TargetConfig['sender']): SenderPlan {
  return {
    ...definedOnly({ expected: config.expected }),
    ...(config.replies ? { replies: replyPlan(config.replies) } : {}),
  };
}

export function replyPlan(replies: { smsSenderId?: string | undefined; shown: string }) {
  return { shown: replies.shown, ...definedOnly({ senderId: replies.smsSenderId }) };
}

export function contentPlan(content: TargetConfig['content']): ContentPlan {
  return {
    samples: content?.samples ?? [],
    ...definedOnly({ serviceName: content?.serviceName }),
  };
}

export function withOverrides(
  defaults: TestNumbers,
  overrides: TargetConfig['numbers'],
): TestNumbers {
  return {
    delivered: overrides.delivered ?? defaults.delivered,
    temporaryFailure: overrides.temporaryFailure ?? defaults.temporaryFailure,
    permanentFailure: overrides.permanentFailure ?? defaults.permanentFailure,
    technicalFailure: overrides.technicalFailure ?? defaults.technicalFailure,
    smoke: overrides.smoke ?? defaults.smoke,
  };
}

export function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The least real time a simulated target's receipt deadline allows. The simulated deadline,
 * scaled, can be a second; on a machine busy with other runs reading sixty statuses can take
 * longer than that, and a text the harness was too slow to read would go unjudged. Waits end as
 * soon as statuses are final, so only a target that never reports waits this long.
 */
export const SIMULATED_DEADLINE_FLOOR_MS = 5000;
