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
] as const;

export type ProfileName = (typeof PROFILES)[number];

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
}

const COMPLIANT: Omit<ProfileBehaviour, 'name' | 'description'> = {
  sendsReceipts: true,
  reportedStatus: (outcome) => outcome,
  authenticatesCallbacks: true,
  malformedSendResponse: false,
  testModeLeaks: false,
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
