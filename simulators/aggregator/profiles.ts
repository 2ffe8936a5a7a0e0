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
  'plaintext-storage',
  'fake-receipts-all',
  'fake-receipts-share',
  'fake-receipts-unless-known',
  'text-altered',
  'tls-weak',
  'plain-http',
  'callbacks-over-http',
  'no-internal-failover',
  'throttling-unsignalled',
] as const;

export type ProfileName = (typeof PROFILES)[number];

/**
 * What a handset shows as the sender: the sender chosen, a random long number each time, or a
 * different text on every second message to the same handset.
 */
export type SenderDisplay = 'as-chosen' | 'random-long-number' | 'alternating';

/**
 * Which texts the network would deliver a route drops while still reporting them delivered:
 * none, all, a random share, or all but those to numbers it has seen used before.
 */
export type ReceiptFaking = 'none' | 'all' | 'share' | 'unless-known';

/**
 * How the API is served: TLS 1.2 and later with forward-secret suites, TLS from 1.0 with suites
 * that lack forward secrecy, or plain HTTP.
 */
export type ApiTransport = 'sound-tls' | 'weak-tls' | 'plain-http';

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
  /** Whether test-mode messages reach handsets as if sent for real (outcomes as documented). */
  readonly testModeLeaks: boolean;
  readonly senderDisplay: SenderDisplay;
  /** Whether a sender registered too long is cut to 11 characters instead of refused. */
  readonly truncatesLongSenders: boolean;
  /** Whether replies from handsets reach the service (stored and called back). */
  readonly keepsReplies: boolean;
  /** Whether texts abroad cost more per fragment than at home. */
  readonly surchargesAbroad: boolean;
  /** Whether numbers, bodies and the rest of the personal data are stored unencrypted. */
  readonly storesPlaintext: boolean;
  readonly fakesReceipts: ReceiptFaking;
  /** Whether texts arrive altered: characters replaced, links rewritten, cut to one part. */
  readonly altersText: boolean;
  readonly apiTransport: ApiTransport;
  /** Whether an http:// callback URL is taken (Notify's admin form refuses anything but https). */
  readonly acceptsHttpCallbacks: boolean;
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
  storesPlaintext: false,
  fakesReceipts: 'none',
  altersText: false,
  apiTransport: 'sound-tls',
  acceptsHttpCallbacks: false,
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
      'Lets test-key messages reach the handsets as if sent for real; test numbers keep ' +
      'their outcomes.',
    testModeLeaks: true,
  },
  'sender-altered': {
    ...COMPLIANT,
    name: 'sender-altered',
    description:
      'Shows handsets a random long number abroad (a fiction one) instead of the chosen sender.',
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
  'plaintext-storage': {
    ...COMPLIANT,
    name: 'plaintext-storage',
    description:
      'Stores phone numbers, message bodies and replies unencrypted in its database (ENC-02).',
    storesPlaintext: true,
  },
  'fake-receipts-all': {
    ...COMPLIANT,
    name: 'fake-receipts-all',
    description:
      'Reports every text the network would deliver as delivered, but none reaches a handset.',
    fakesReceipts: 'all',
  },
  'fake-receipts-share': {
    ...COMPLIANT,
    name: 'fake-receipts-share',
    description:
      'Drops 5% of the texts the network would deliver, chosen at random per text, and still ' +
      'reports them delivered.',
    fakesReceipts: 'share',
  },
  'fake-receipts-unless-known': {
    ...COMPLIANT,
    name: 'fake-receipts-unless-known',
    description:
      'Reports texts delivered without delivering them, except to numbers it has seen used ' +
      'before (published test numbers, numbers texted earlier).',
    fakesReceipts: 'unless-known',
  },
  'text-altered': {
    ...COMPLIANT,
    name: 'text-altered',
    description:
      'Alters texts on the way: characters outside ASCII become ?, links are rewritten to a ' +
      'tracker, and a text of several parts arrives as its first part only.',
    altersText: true,
  },
  'tls-weak': {
    ...COMPLIANT,
    name: 'tls-weak',
    description:
      'Serves the API over TLS from version 1.0, with cipher suites that lack forward secrecy.',
    apiTransport: 'weak-tls',
  },
  'plain-http': {
    ...COMPLIANT,
    name: 'plain-http',
    description: 'Serves the API over plain HTTP, so keys and numbers cross the network in clear.',
    apiTransport: 'plain-http',
  },
  'callbacks-over-http': {
    ...COMPLIANT,
    name: 'callbacks-over-http',
    description: 'Accepts http:// callback URLs and posts receipts to them unencrypted.',
    acceptsHttpCallbacks: true,
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
