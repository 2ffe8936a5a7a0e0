/**
 * Every finding code the harness can raise. A check's `finding()` takes only these, so a new
 * code must be added here, and the reports' table of what to do (reports/remedies.ts) is typed
 * over this list: a code without advice does not compile.
 */

/** Codes a supplier's unreadable or refusing answer becomes (core/errors.ts). */
export const RESPONSE_ERROR_CODES = [
  'request_rejected',
  'throttled',
  'server_error',
  'response_not_json',
  'response_shape',
  'malformed_response',
  'unexpected_http_status',
  'unknown_status',
  'number_unreadable',
  'kannel_sendsms_refused',
  'smpp_bind_refused',
  'smpp_submit_refused',
  'smpp_query_refused',
] as const;

/** Codes of the TLS probe of an API or SMPP endpoint (probes/tls). */
export const PROBE_FINDING_CODES = [
  'api_over_plain_http',
  'plain_http_served',
  'smpp_in_clear',
  'retired_tls_version_accepted',
  'no_current_tls_version',
  'weak_cipher_accepted',
  'hsts_missing',
  'hsts_too_short',
  'certificate_missing',
  'certificate_untrusted',
  'certificate_invalid',
  'certificate_host_mismatch',
  'certificate_expired',
  'certificate_not_yet_valid',
  'weak_server_key',
  'weak_signature_algorithm',
] as const;

/** Codes of the content lint that fail CONT-01 (content/finding.ts names the same). */
const CONTENT_FINDING_CODES = [
  'empty_message',
  'too_many_segments',
  'too_long_for_notify',
  'forces_ucs2',
  'link_shortener',
  'contains_link',
  'missing_service_name',
  'contains_phone_number',
  'contains_email_address',
  'contains_ni_number',
  'contains_card_number',
] as const;

/** Codes the suites raise themselves. */
const SUITE_FINDING_CODES = [
  'accepted_message_missing',
  'reference_changed',
  'body_changed',
  'listing_by_number',
  'listing_by_reference',
  'unknown_id_found',
  'receipt_timeout',
  'no_callback',
  'callback_disagrees',
  'failure_kind_wrong',
  'callback_unauthenticated',
  'http_callback_url_accepted',
  'callback_over_http',
  'permanent_failure_not_reported',
  'temporary_failure_not_reported',
  'failure_not_listed',
  'fake_receipt',
  'false_failure',
  'sender_not_carried',
  'sender_altered',
  'sender_replaced',
  'sender_inconsistent',
  'thread_split',
  'configured_sender_invalid',
  'invalid_sender_accepted',
  'reply_sender_cannot_receive',
  'reply_sender_kind',
  'reply_not_received',
  'reply_altered',
  'reply_not_listed',
  'keyword_misrouted',
  'billed_segments_wrong',
  'long_text_altered',
  'text_truncated',
  'text_text_added',
  'text_characters_replaced',
  'text_links_rewritten',
  'text_re_encoded',
  'country_unreachable',
  'overseas_surcharge',
  'plaintext_at_rest',
  'no_failover',
  'messages_lost',
  'messages_duplicated',
  'route_failure_not_rerouted',
  'throttling_not_signalled',
  'smoke_round_trip',
  'smoke_number_stored',
  'test_outcome_wrong',
  'test_rejection_wrong',
  'test_message_reached_handset',
] as const;

export const FINDING_CODES = [
  ...SUITE_FINDING_CODES,
  ...CONTENT_FINDING_CODES,
  ...PROBE_FINDING_CODES,
  ...RESPONSE_ERROR_CODES,
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type ResponseErrorCode = (typeof RESPONSE_ERROR_CODES)[number];
export type ProbeFindingCode = (typeof PROBE_FINDING_CODES)[number];
