import type { FinalStatus } from './message.ts';

/**
 * Simulator profiles. `compliant` behaves as the real service does; every other profile breaks
 * exactly one thing, so that the harness can prove it notices.
 */
export const PROFILES = [
  'compliant',
  'no-receipts',
  'temporary-as-permanent',
  'permanent-as-temporary',
  'unauthenticated-callbacks',
  'malformed-json',
  'test-mode-leaks',
  'sender-altered',
  'sender-inconsistent',
  'sender-truncated',
  'replies-dropped',
  'overseas-surcharge',
  'no-internal-failover',
  'throttling-unsignalled',
] as const;

export type ProfileName = (typeof PROFILES)[number];

/**
 * What a handset shows as the sender: the sender chosen, a random long number each time, or a
 * different text on every second message to the same handset.
 */
export type SenderDisplay = 'as-chosen' | 'random-long-number' | 'alternating';

/** What a profile changes; the compliant values are in `COMPLIANT`. */
export interface ProfileBehaviour {
  readonly name: ProfileName;
  readonly description: string;
  /** Whether accepted messages ever leave `sending`. */
  readonly sendsReceipts: boolean;
  /** The status reported (API and callbacks) for the outcome the network produced. */
  readonly reportedStatus: (outcome: FinalStatus) => FinalStatus;
  /** Whether callbacks carry their credentials (Notify: the bearer token). */
  readonly authenticatesCallbacks: boolean;
  /** Whether a successful send is answered with a truncated, unparsable JSON body. */
  readonly malformedSendResponse: boolean;
  /** Whether test-mode messages reach handsets as if sent for real (outcomes stay as documented). */
  readonly testModeLeaks: boolean;
  readonly senderDisplay: SenderDisplay;
  /** Whether a sender registered too long is cut to 11 characters instead of refused. */
  readonly truncatesLongSenders: boolean;
  /** Whether replies from handsets reach the service (stored and called back). */
  readonly keepsReplies: boolean;
  /** Whether texts abroad cost more per fragment than at home. */
  readonly surchargesAbroad: boolean;
  /** Whether a message whose route fails is sent through another route (FOV-01). */
  readonly reroutesInternally: boolean;
  /** Whether throttling is answered 429 with Retry-After, rather than an unexplained 503. */
  readonly signalsThrottling: boolean;
}

const COMPLIANT: Omit<ProfileBehaviour, 'name' | 'description'> = {
  sendsReceipts: true,
  reportedStatus: (outcome) => outcome,
  authenticatesCallbacks: true,
  malformedSendResponse: false,
  testModeLeaks: false,
  senderDisplay: 'as-chosen',
  truncatesLongSenders: false,
  keepsReplies: true,
  surchargesAbroad: false,
  reroutesInternally: true,
  signalsThrottling: true,
};

const BEHAVIOURS: Record<ProfileName, ProfileBehaviour> = {
  compliant: {
    ...COMPLIANT,
    name: 'compliant',
    description: 'Breaks nothing: behaves as the real service documents.',
  },
  'no-receipts': {
    ...COMPLIANT,
    name: 'no-receipts',
    description: 'Never reports a final status: messages stay sending and no callback is sent.',
    sendsReceipts: false,
  },
  'temporary-as-permanent': {
    ...COMPLIANT,
    name: 'temporary-as-permanent',
    description: 'Reports temporary failures as permanent-failure, in the API and in callbacks.',
    reportedStatus: (outcome) => (outcome === 'temporary-failure' ? 'permanent-failure' : outcome),
  },
  'permanent-as-temporary': {
    ...COMPLIANT,
    name: 'permanent-as-temporary',
    description: 'Reports permanent failures as temporary-failure, in the API and in callbacks.',
    reportedStatus: (outcome) => (outcome === 'permanent-failure' ? 'temporary-failure' : outcome),
  },
  'unauthenticated-callbacks': {
    ...COMPLIANT,
    name: 'unauthenticated-callbacks',
    description: 'Sends delivery-status callbacks without their Authorization header.',
    authenticatesCallbacks: false,
  },
  'malformed-json': {
    ...COMPLIANT,
    name: 'malformed-json',
    description:
      'Answers a successful send with a truncated JSON body that cannot be parsed; ' +
      'the message is still accepted and delivered.',
    malformedSendResponse: true,
  },
  'test-mode-leaks': {
    ...COMPLIANT,
    name: 'test-mode-leaks',
    description:
      'Lets test-key messages reach the handsets as if sent for real; test numbers keep their outcomes.',
    testModeLeaks: true,
  },
  'sender-altered': {
    ...COMPLIANT,
    name: 'sender-altered',
    description:
      'Shows handsets a random long number from the drama range instead of the chosen sender.',
    senderDisplay: 'random-long-number',
  },
  'sender-inconsistent': {
    ...COMPLIANT,
    name: 'sender-inconsistent',
    description:
      'Shows every second message to a handset from a different sender text, splitting threads.',
    senderDisplay: 'alternating',
  },
  'sender-truncated': {
    ...COMPLIANT,
    name: 'sender-truncated',
    description:
      'Accepts a text sender longer than 11 characters and silently cuts it to 11 instead of ' +
      'refusing it.',
    truncatesLongSenders: true,
  },
  'replies-dropped': {
    ...COMPLIANT,
    name: 'replies-dropped',
    description: 'Drops replies from handsets: they are neither stored nor called back.',
    keepsReplies: false,
  },
  'overseas-surcharge': {
    ...COMPLIANT,
    name: 'overseas-surcharge',
    description: 'Charges texts abroad an international rate multiplier above 1.',
    surchargesAbroad: true,
  },
  'no-internal-failover': {
    ...COMPLIANT,
    name: 'no-internal-failover',
    description:
      'Has no second route: when its route to the networks fails, messages end as ' +
      'technical-failure instead of being rerouted (FOV-01).',
    reroutesInternally: false,
  },
  'throttling-unsignalled': {
    ...COMPLIANT,
    name: 'throttling-unsignalled',
    description:
      'When it throttles (`throttle` fault), answers 503 with no Retry-After instead of 429 ' +
      'with one, so a client cannot tell throttling from an outage (AGG-01).',
    signalsThrottling: false,
  },
};

export function isProfileName(name: string): name is ProfileName {
  return (PROFILES as readonly string[]).includes(name);
}

export function profileBehaviour(name: ProfileName): ProfileBehaviour {
  return BEHAVIOURS[name];
}

/** One sentence: what the profile breaks. */
export function describeProfile(name: ProfileName): string {
  return BEHAVIOURS[name].description;
}
