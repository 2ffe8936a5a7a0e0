/** What the content lint can find; each code is stable, so tools can branch on it. */
export type FindingCode =
  | 'empty_message'
  | 'too_many_segments'
  | 'too_long_for_notify'
  | 'forces_ucs2'
  | 'link_shortener'
  | 'contains_link'
  | 'missing_service_name'
  | 'contains_phone_number'
  | 'contains_email_address'
  | 'contains_ni_number'
  | 'contains_card_number';

/** `fail` findings break CONT-01; `warn` findings cost money or clarity and deserve a look. */
export type Severity = 'warn' | 'fail';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** One sentence: what was found and why it matters. */
  readonly message: string;
  /** Where in the text it starts, as a UTF-16 index. */
  readonly at?: number;
  /** The characters concerned, when showing them back is safe (never personal data). */
  readonly text?: string;
  /** What to put instead; '' means delete it. */
  readonly replacement?: string;
}
