import type { Finding } from '../core/evidence.ts';
import type { FindingCode } from '../core/finding-codes.ts';

/**
 * What to do about each finding, for the supplier or the service team, in the report's words.
 * Typed over every code the harness can raise, so a new code cannot ship without its advice.
 * The sentences follow the service manual's guidance on sending text messages securely and the
 * requirement catalogue (core/requirements.ts).
 */
export const FINDING_REMEDIES: Readonly<Record<FindingCode, string>> = {
  accepted_message_missing:
    'The supplier must be able to look up every message it accepted by the id it returned. ' +
    'Raise it with the supplier: a service cannot follow a message it cannot find.',
  reference_changed:
    "The supplier must keep the service's reference exactly as sent. " +
    'Ask the supplier to fix it; until then match messages by their id, not the reference.',
  body_changed:
    'The supplier must store and report the text exactly as the service sent it. ' +
    'Ask the supplier why the text read back differs, and check the encoding the service uses.',
  listing_by_number:
    'Listing messages by phone number should return the newest message first. ' +
    'Ask the supplier to fix the listing, or do not rely on it to find messages.',
  listing_by_reference:
    "Listing by the service's reference should return exactly the message sent with it. " +
    'Ask the supplier to fix the filter before the service relies on it.',
  unknown_id_found:
    'The supplier answered for a message id it never issued, which could show another ' +
    "service's messages. Raise it with the supplier as a security issue.",
  receipt_timeout:
    'Every accepted message should reach a final status in time. Ask the supplier why ' +
    'receipts are late or missing; the service should alert on messages left without one.',
  no_callback:
    'The supplier should send a receipt callback for every message. Check that the callback ' +
    "URL in the supplier's settings is right, then ask the supplier why none arrived.",
  callback_disagrees:
    'A callback and the status API must report the same outcome. Ask the supplier which one is ' +
    'right and to make them agree; until then trust neither alone.',
  failure_kind_wrong:
    'Receipts must tell permanent, temporary and technical failures apart so the service can ' +
    'act on each. Ask the supplier to report the failure kind its network actually returned.',
  callback_unauthenticated:
    'Receipt callbacks must carry a signature or token the service checks. Turn on callback ' +
    'authentication with the supplier and make the service refuse callbacks without it.',
  http_callback_url_accepted:
    'The supplier should refuse callback URLs that are not https. Ask the supplier to enforce ' +
    'it, and configure only https callback URLs meanwhile.',
  callback_over_http:
    'Receipts must reach the service over TLS only. Change the callback URL to https, and ask ' +
    'the supplier to refuse plain http ones.',
  permanent_failure_not_reported:
    'A number that does not exist must be reported as a permanent failure, so the service can ' +
    'remove it. Ask the supplier to map the network error to a permanent failure.',
  temporary_failure_not_reported:
    'A temporary failure must be reported as temporary, so the service can retry later or ' +
    'contact the person another way. Ask the supplier to report it as such.',
  failure_not_listed:
    'Listing permanent failures must include every permanently failed message, or numbers to ' +
    'remove are missed. Ask the supplier to fix the listing; read receipts meanwhile.',
  fake_receipt:
    'The supplier reported texts as delivered that never arrived. Raise it with the supplier ' +
    'with this evidence: receipts that lie hide lost messages from the service.',
  false_failure:
    'Texts reported as failed arrived all the same, so the service may resend or remove good ' +
    'numbers. Ask the supplier to report the outcome its network saw.',
  sender_not_carried:
    'Every message must go out under the sender ID the service set up. Ask the supplier why it ' +
    'sends under another, and check the sender ID is registered on the account.',
  sender_altered:
    'People must see the sender ID the service set up. Ask the supplier why the sender was ' +
    'changed on its route, and whether the ID needs registering with the networks.',
  sender_replaced:
    'People must see the sender ID the service set up. Ask the supplier why the sender was ' +
    'replaced on arrival, and whether the ID needs registering with the networks.',
  sender_inconsistent:
    'Always text a person from the same sender ID, so the texts land in one thread. Ask the ' +
    'supplier to stop rotating senders, and send from one configured sender.',
  thread_split:
    'Always text a person from the same sender ID, so the texts land in one thread. Ask the ' +
    'supplier why one number saw more than one sender.',
  configured_sender_invalid:
    'Use a valid sender ID: letters and digits up to 11 characters, a 5 or 6 digit shortcode, ' +
    'or a full UK mobile number. Correct the sender in the configuration.',
  invalid_sender_accepted:
    'The supplier should refuse an invalid sender ID rather than change it silently. Ask the ' +
    'supplier to reject senders longer than 11 characters.',
  reply_sender_cannot_receive:
    'An alphanumeric sender cannot take replies. Where people must reply, send from a full UK ' +
    'mobile number or a shortcode instead.',
  reply_sender_kind:
    'Where people must reply, the sender must be a full UK mobile number or a shortcode. ' +
    'Change the reply sender to one of those.',
  reply_not_received:
    'Replies must reach the service, which must be able to read them. Check the inbound ' +
    "number and webhook in the supplier's settings, then ask the supplier where replies go.",
  reply_altered:
    'A reply must reach the service as the person wrote it. Ask the supplier why the reply ' +
    'text changed on its way in.',
  reply_not_listed:
    'Replies should be readable through the received-texts API as well as callbacks, so none ' +
    'is missed. Ask the supplier to fix its listing.',
  keyword_misrouted:
    'On a shared shortcode, each reply must reach the service that owns its keyword. Fix the ' +
    'keyword routes with the supplier and the other services on the shortcode.',
  billed_segments_wrong:
    'The supplier should bill the segments a text takes by its own documented counting. Ask ' +
    'the supplier to explain or correct the charge.',
  long_text_altered:
    'A long text must arrive whole and in order. Ask the supplier to send it as one ' +
    'concatenated message, and keep texts as short as the message allows.',
  text_truncated:
    'Texts arrived cut short. Ask the supplier why, and keep texts within the length its ' +
    'routes carry whole.',
  text_text_added:
    'Texts arrived with words added. Ask the supplier to stop adding text on its route; ' +
    'people must get the text the service wrote.',
  text_characters_replaced:
    'Texts arrived with characters replaced. Ask the supplier about its character handling, ' +
    'and avoid characters outside GSM-7 where the service can.',
  text_links_rewritten:
    'Links arrived rewritten, which teaches people to trust unknown links. Ask the supplier to ' +
    'turn off link rewriting or shortening on its route.',
  text_re_encoded:
    'Texts arrived in another encoding, which can change their length and cost. Ask the ' +
    'supplier to keep the encoding the text needs.',
  country_unreachable:
    'The service needs this country and the text did not arrive there. Ask the supplier to ' +
    'enable the route, or choose a supplier that reaches it.',
  overseas_surcharge:
    'Sending abroad should cost no more than sending within the UK. Raise the price with the ' +
    'supplier before the service sends overseas.',
  plaintext_at_rest:
    "Numbers and texts must be encrypted at rest in the supplier's storage. Raise it with the " +
    'supplier as a security issue and ask for its encryption at rest, with evidence.',
  no_failover:
    'When the first aggregator fails, the service should send through a second. Configure a ' +
    'second aggregator and the failover policy in the service.',
  messages_lost:
    'Messages were lost during failover. Make the service keep each message until a supplier ' +
    'accepts it, and retry the ones whose fate is unknown through the other supplier.',
  messages_duplicated:
    'Messages arrived twice during failover. Make the service resend through the second ' +
    'aggregator only messages the first did not accept, and keep one record per message.',
  route_failure_not_rerouted:
    'The supplier should send a message through another route when one fails, and say so. ' +
    'Ask the supplier how its internal failover works and to turn it on.',
  throttling_not_signalled:
    'The supplier should say clearly when it throttles: HTTP 429 with Retry-After. Ask the ' +
    'supplier to signal it, and agree the rates the service will send at.',
  smoke_round_trip:
    "The nightly smoke text did not come back delivered. Check the supplier's status page, " +
    'raise it with the supplier, and treat it as a live incident until explained.',
  smoke_number_stored:
    'A smoke-test number must never be sent to or stored. Ask the supplier to honour its ' +
    'smoke-test numbers, and stop smoke tests on them until it does.',
  test_outcome_wrong:
    'A documented test number must give its documented outcome, or smoke tests prove ' +
    'nothing. Ask the supplier to fix the test number or its documentation.',
  test_rejection_wrong:
    'A number reserved for test credentials must give its documented error. Ask the supplier ' +
    'to fix the test number or its documentation.',
  test_message_reached_handset:
    'A text sent with test credentials must never reach a phone. Stop using those credentials ' +
    'for testing and raise it with the supplier.',
  empty_message: 'The message is empty. Write the text the person needs before sending.',
  too_many_segments:
    'The message takes too many segments to send cheaply. Shorten it, and keep to what the ' +
    'person needs to act.',
  too_long_for_notify: 'The message is longer than GOV.UK Notify sends. Shorten it.',
  forces_ucs2:
    'A character outside GSM-7 makes the whole text cost more. Replace it with its GSM-7 ' +
    'equivalent where there is one; keep Welsh letters only in a Welsh message.',
  link_shortener:
    'People cannot tell where a shortened link goes, and fraudsters use them. Give the full ' +
    "address of the service's own page instead.",
  contains_link:
    'Check the link is needed and goes to a domain people can recognise as the service.',
  missing_service_name: 'Name the service in the message, so people know who sent it.',
  contains_phone_number:
    "Check the number is the service's own: a person's phone number is personal data and must " +
    'not be in the text.',
  contains_email_address:
    "Check the address is the service's own: a person's email address is personal data and " +
    'must not be in the text.',
  contains_ni_number:
    'Remove the National Insurance number from the text: a message must not carry personal ' +
    'data.',
  contains_card_number:
    'Remove the card number from the text: a message must never carry payment details.',
  api_over_plain_http:
    'Use only the https address of the API: keys, numbers and texts must never cross in clear. ' +
    'Correct the base URL, and ask the supplier to refuse plain HTTP.',
  plain_http_served:
    'The supplier should refuse plain HTTP or redirect it to https. Ask the supplier to close ' +
    'the plain HTTP port.',
  smpp_in_clear:
    'Bind over SMPP with TLS, or through a TLS tunnel; credentials and texts must not cross in ' +
    'clear. Ask the supplier for a TLS endpoint and change the base URL to it.',
  retired_tls_version_accepted:
    'Ask the supplier to turn off TLS 1.0 and 1.1, and accept only TLS 1.2 or newer.',
  no_current_tls_version:
    'Ask the supplier to turn on TLS 1.2 and 1.3; the service must not connect over anything ' +
    'older.',
  weak_cipher_accepted:
    'Ask the supplier to remove the weak cipher suites and keep only sound ones with forward ' +
    'secrecy.',
  hsts_missing: 'Ask the supplier to send Strict-Transport-Security on every HTTPS response.',
  hsts_too_short:
    'Ask the supplier to raise the Strict-Transport-Security max-age to at least half a year.',
  certificate_missing:
    'The server sent no certificate. Ask the supplier to fix its TLS set-up; do not send until ' +
    'it does.',
  certificate_untrusted:
    'The certificate chain leads to no trusted authority. Ask the supplier for a certificate ' +
    'from a public authority with its full chain; never turn verification off.',
  certificate_invalid:
    'The certificate failed verification. Ask the supplier to replace it; never turn ' +
    'verification off.',
  certificate_host_mismatch:
    "The certificate is for another host. Check the base URL is the supplier's documented one, " +
    'and ask the supplier for a certificate that names it.',
  certificate_expired:
    'The certificate has expired. Ask the supplier to renew it now, and to renew before expiry ' +
    'in future.',
  certificate_not_yet_valid:
    'The certificate is not valid yet. Ask the supplier to install a current one, and check ' +
    'the clocks on both sides.',
  weak_server_key:
    'Ask the supplier for a certificate with RSA of 2048 bits or more, or an EC P-256 or ' +
    'stronger key.',
  weak_signature_algorithm:
    'Ask the supplier for a certificate chain signed with SHA-256 or stronger.',
  request_rejected:
    'The supplier refused a request the service is entitled to make. Read the refusal in the ' +
    'evidence with the supplier, and check the account set-up for what it names.',
  throttled:
    'The supplier throttled the service during the run. Agree the sending rates the service ' +
    'needs with the supplier, and make the service slow down and retry when told.',
  server_error:
    'The supplier failed on its side. Send it the failed exchanges from the evidence, with ' +
    'their times; repeated failures count against its availability.',
  response_not_json:
    'The supplier answered with something other than the JSON its API documents. Report it ' +
    'to the supplier with the exchange from the evidence.',
  response_shape:
    'The answer does not match the documented shape at the path shown. Report it to the ' +
    'supplier, or update the description if the documentation changed.',
  malformed_response:
    'The answer lacked fields the API documents. Report it to the supplier with the exchange ' +
    'from the evidence.',
  unexpected_http_status:
    'The supplier answered with an HTTP status its API does not document for this request. ' +
    'Report it to the supplier with the exchange from the evidence.',
  unknown_status:
    'The supplier reported a status its documentation does not list. Ask the supplier what it ' +
    'means and to document it.',
  number_unreadable:
    'The supplier reported a phone number that cannot be read as one. Report it to the ' +
    'supplier with the exchange from the evidence.',
  kannel_sendsms_refused:
    "Kannel's sendsms refused the message. Check the sendsms user, its allowed senders and " +
    'the SMSC routes in the Kannel configuration.',
  smpp_bind_refused:
    'The SMSC refused the bind for a reason other than credentials. Check the system type, ' +
    'bind mode and allowed addresses with the SMSC operator.',
  smpp_submit_refused:
    'The SMSC refused the message. Look up the command_status in the evidence with the SMSC ' +
    'operator and correct the route or the account.',
  smpp_query_refused:
    'The SMSC refused to report a message it accepted. Ask the SMSC operator to allow query_sm ' +
    'for the account, or rely on delivery receipts.',
};

/**
 * Advice for a finding whose code has none of its own here, such as one from a run of another
 * version, by the requirement it breaks.
 */
export const REQUIREMENT_REMEDIES: Readonly<Record<string, string>> = {
  'AGG-01':
    'Agree the volume and burst rates the service needs with the supplier, and how it signals ' +
    'throttling.',
  'AGG-02': 'Ask the supplier for evidence that it uses a Tier 1 aggregator.',
  'AGG-03':
    'Consider a second aggregator and a failover policy that neither loses nor duplicates ' +
    'messages.',
  'RCPT-01':
    'Ask the supplier for a readable final status for every accepted message, within a bounded ' +
    'time.',
  'RCPT-02':
    'Ask the supplier to tell permanent, temporary and technical failures apart in its receipts.',
  'RCPT-03':
    'Authenticate receipt callbacks and accept them over TLS only; ask the supplier to sign ' +
    'them.',
  'FOV-01': 'Ask the supplier how it reroutes when a route fails, and how it tells the service.',
  'FOV-02': 'Ask the supplier for its support hours, contacts and escalation route.',
  'ENC-01':
    'Ask the supplier to accept only TLS 1.2 or newer with sound ciphers and a valid ' +
    'certificate, and to refuse plain HTTP.',
  'ENC-02':
    "Ask the supplier to encrypt numbers and texts at rest, with evidence for the service's " +
    'assurance.',
  'IA-01':
    'Agree a named assurance contact with the supplier, and ask for its certifications and ' +
    'penetration test results.',
  'INTL-01':
    'Ask the supplier to enable the countries the service needs, or choose one that reaches them.',
  'INTL-02': 'Ask the supplier to charge no more for sending abroad than within the UK.',
  'SID-01':
    'Set up a sender ID and make sure every message carries it; ask the supplier why it did not.',
  'SID-02': 'Always text a person from the same sender ID, so the texts land in one thread.',
  'SID-03':
    'Where people must reply, send from a full UK mobile number or a shortcode, and make sure ' +
    'replies reach the service.',
  'SID-04': 'Use valid sender IDs, and ask the supplier to refuse invalid ones, not alter them.',
  'SID-05': 'Use an alphanumeric sender only where no reply is expected.',
  'SID-06': 'On a shared shortcode, route each reply to the right service, for example by keyword.',
  'SID-07':
    'Do not use a shortcode shared with organisations outside government; ask the supplier to ' +
    'confirm it is not.',
  'ERR-01':
    'Ask the supplier to report permanent failures as such, and remove those numbers from the ' +
    "service's records.",
  'ERR-02':
    'Ask the supplier to report temporary failures as such, and let the service retry later or ' +
    'use another channel.',
  'TEST-01':
    'Run the smoke test every night, make its failure loud, and find out why this one failed.',
  'TEST-02':
    'Ask the supplier for test keys or numbers that behave as documented and send nothing real.',
  'CONT-01':
    'Keep messages clear and cheap: short, in GSM-7 characters, naming the service, with no ' +
    'shortened links or personal data.',
};

/** When neither the code nor the requirement has advice of its own. */
export const GENERAL_REMEDY =
  'Go through the evidence of the check that found this with the supplier, and agree a fix, ' +
  'or record it as a known deviation with the reason.';

/** What to do about a finding: by its code, else by its requirement, else in general. */
export function remedyFor(finding: Pick<Finding, 'code' | 'requirement'>): string {
  if (Object.hasOwn(FINDING_REMEDIES, finding.code)) {
    return FINDING_REMEDIES[finding.code as FindingCode];
  }
  const requirement = finding.requirement;
  if (requirement !== undefined && Object.hasOwn(REQUIREMENT_REMEDIES, requirement)) {
    return REQUIREMENT_REMEDIES[requirement] as string;
  }
  return GENERAL_REMEDY;
}
