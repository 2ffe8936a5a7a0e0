import { describe, expect, test } from 'vitest';
import { validateNotifySender } from './notify-sender.ts';

describe('validateNotifySender (case BR-27)', () => {
  test.each([
    'elevenchars',
    'UK.GOV',
    'UK_GOV',
    'UK&GOV',
    'UK-GOV',
    'GOV',
    'Inform Uk',
    'NHSNoReply',
    '60000',
    '07700900123',
    '  GOVUK  ',
  ])('accepts %j', (sender) => {
    expect(validateNotifySender(sender)).toEqual({ valid: true, reasons: [] });
  });

  test.each([
    ["Council's", 'character-not-allowed'],
    ["'UC'", 'character-not-allowed'],
    ['###', 'character-not-allowed'],
    ['Acme!', 'character-not-allowed'],
    ['twelvecharas', 'too-long'],
    ['UK', 'too-short'],
    ['00111222333', 'starts-with-00'],
    ['Info', 'generic-sender'],
    ['VERIFY', 'generic-sender'],
    ['333', 'numeric-not-mobile-or-shortcode'],
    ['50000', 'numeric-not-mobile-or-shortcode'],
    ['NHS No Reply', 'nhs-no-reply-variant'],
    ['', 'empty'],
    ['   ', 'empty'],
  ])('refuses %j: %s', (sender, reason) => {
    const verdict = validateNotifySender(sender);

    expect(verdict.valid).toBe(false);
    expect(verdict.reasons).toContain(reason);
  });

  test('gives every rule a sender breaks', () => {
    expect(validateNotifySender("Council's Alerts").reasons).toEqual([
      'too-long',
      'character-not-allowed',
    ]);
  });

  test('measures 3 to 11 characters, both ends included', () => {
    expect(validateNotifySender('abc').valid).toBe(true);
    expect(validateNotifySender('ab').valid).toBe(false);
    expect(validateNotifySender('abcdefghijk').valid).toBe(true);
    expect(validateNotifySender('abcdefghijkl').valid).toBe(false);
  });
});
