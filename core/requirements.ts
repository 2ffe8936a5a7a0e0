/**
 * The requirement catalogue: the stable ids from the design brief, in this project's own words.
 * `evidence` says how a verdict can be reached: observed by a suite, stated by the supplier in an
 * attestation, or both.
 */
export type RequirementLevel = 'must' | 'must not' | 'should' | 'consider' | 'if relevant';

export type EvidenceKind = 'tested' | 'attested' | 'tested+attested';

export interface Requirement {
  readonly id: string;
  readonly level: RequirementLevel;
  readonly title: string;
  readonly evidence: EvidenceKind;
}

export const REQUIREMENTS: readonly Requirement[] = [
  req(
    'AGG-01',
    'should',
    'Carries the planned volume and signals throttling clearly',
    'tested+attested',
  ),
  req('AGG-02', 'should', 'Uses a Tier 1 aggregator with direct network connections', 'attested'),
  req('AGG-03', 'consider', 'The service can fail over to a second aggregator', 'tested'),
  req(
    'RCPT-01',
    'should',
    'Every accepted message reaches a readable final status in time',
    'tested',
  ),
  req(
    'RCPT-02',
    'should',
    'Receipts tell permanent, temporary and technical failures apart',
    'tested',
  ),
  req('RCPT-03', 'should', 'Receipt callbacks are authenticated and sent over TLS', 'tested'),
  req('FOV-01', 'should', 'The supplier reroutes internally when a route fails', 'tested+attested'),
  req('FOV-02', 'should', 'The supplier offers technical support', 'attested'),
  req('ENC-01', 'should', 'Data in transit is protected by sound TLS only', 'tested'),
  req('ENC-02', 'should', 'Numbers and bodies are encrypted at rest', 'tested+attested'),
  req(
    'IA-01',
    'should',
    'The supplier works with the service on information assurance',
    'attested',
  ),
  req(
    'INTL-01',
    'if relevant',
    'Messages reach the overseas countries the service needs',
    'tested',
  ),
  req(
    'INTL-02',
    'should',
    'Sending abroad costs no more than sending in the UK',
    'tested+attested',
  ),
  req('SID-01', 'must', 'A sender ID is set up and carried by every message', 'tested'),
  req('SID-02', 'must', 'One person always hears from the same sender ID', 'tested'),
  req(
    'SID-03',
    'should',
    'Where replies are needed the sender is a UK mobile or shortcode',
    'tested',
  ),
  req('SID-04', 'should', 'Invalid sender IDs are rejected, never altered', 'tested'),
  req('SID-05', 'should', 'Alphanumeric senders only where no reply is expected', 'tested'),
  req('SID-06', 'must', 'Replies on a shared shortcode reach the right service', 'tested'),
  req('SID-07', 'must not', 'No shortcode shared with non-government organisations', 'attested'),
  req('ERR-01', 'should', 'Permanently failing numbers are reported as permanent', 'tested'),
  req('ERR-02', 'should', 'Temporary failures are reported as temporary', 'tested'),
  req('TEST-01', 'should', 'The integration is smoke tested regularly and fails loudly', 'tested'),
  req('TEST-02', 'should', 'A smoke test is possible without sending real messages', 'tested'),
  req('CONT-01', 'should', 'Messages are clear and cheap: length, encoding, links', 'tested'),
];

function req(
  id: string,
  level: RequirementLevel,
  title: string,
  evidence: EvidenceKind,
): Requirement {
  return { id, level, title, evidence };
}

const byId = new Map(REQUIREMENTS.map((r) => [r.id, r]));

export function findRequirement(id: string): Requirement | undefined {
  return byId.get(id);
}

/** A failed requirement at these levels makes the run exit with 1. */
export function isRequired(level: RequirementLevel): boolean {
  return level === 'must' || level === 'must not' || level === 'should';
}
