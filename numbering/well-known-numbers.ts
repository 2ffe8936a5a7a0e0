/**
 * Fiction numbers that are published as test or example numbers. A supplier can recognise these
 * and treat them specially, so fresh numbers avoid them.
 */
export const WELL_KNOWN_NUMBERS: ReadonlySet<string> = new Set([
  // Notify's smoke-test numbers, and its test-key failures: permanent, temporary (facts §1.7).
  '+447700900000',
  '+447700900111',
  '+447700900222',
  '+447700900002',
  '+447700900003',
  // The GOV.UK Design System example (facts §7.1) and Notify's received-text callback examples
  // (facts §1.6).
  '+447700900982',
  '+447700900345',
  '+447700900654',
  // The example this project's own docs and tests use most (case BR-28).
  '+447700900123',
  // libphonenumber-js's example US number (its examples.mobile.json).
  '+12015550123',
]);

/**
 * The numbers this project's simulator answers on or texts from: the default outcome number for
 * dialects without published ones, the Notify team's phones, the inbound numbers of Notify (500)
 * and the SMSC (700), Twilio's sender (600), and the forwarding-app example (456). Fresh numbers
 * avoid them too: one a service answers on would text a service, not a person, and the
 * simulator keeps its services' numbers in the clear, so an at-rest canary could not be one. A
 * route that spares test numbers does not know these; it learns them as it sees them.
 */
export const SIMULATOR_NUMBERS: ReadonlySet<string> = new Set([
  '+447700900001',
  '+447700900004',
  '+447700900100',
  '+447700900101',
  '+447700900456',
  '+447700900500',
  '+447700900600',
  '+447700900700',
]);
