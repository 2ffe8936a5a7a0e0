import { getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, test } from 'vitest';
import { classifySender, repliesPossible, type SenderKind } from './sender-id.ts';

describe('classifySender: alphanumeric senders (case BR-25)', () => {
  test('refuses Acme Callcentre and shows what handsets would make of it', () => {
    expect(classifySender('Acme Callcentre')).toEqual({
      kind: 'invalid',
      reasons: ['alphanumeric-too-long'],
      display: 'Acme Callce',
    });
  });

  test.each(['ACMEALERTS', 'Acme Callce', 'elevenchars', 'GOVUK', 'A', 'GOV UK 24', 'Büro-Ämter'])(
    'accepts %j',
    (sender) => {
      expect(classifySender(sender)).toEqual({
        kind: 'alphanumeric',
        reasons: [],
        display: sender,
      });
    },
  );

  test('refuses twelve characters and keeps the first eleven for display', () => {
    expect(classifySender('twelvecharas')).toEqual({
      kind: 'invalid',
      reasons: ['alphanumeric-too-long'],
      display: 'twelvechara',
    });
  });

  test('counts an extension character such as € as two of the eleven', () => {
    expect(classifySender('Acme€Alerts')).toEqual({
      kind: 'invalid',
      reasons: ['alphanumeric-too-long'],
      display: 'Acme€Alert',
    });
    expect(classifySender('Acme€Alert').kind).toBe('alphanumeric');
  });

  test.each([
    ['Łódź', ['non-gsm-character']],
    ['Acme 📣', ['non-gsm-character']],
    ['-_-', ['no-letter']],
    ['   ', ['no-letter']],
    ['', ['empty']],
  ])('refuses %j: %j', (sender, reasons) => {
    expect(classifySender(sender)).toMatchObject({ kind: 'invalid', reasons });
  });
});

describe('classifySender: numbers', () => {
  // Eleven characters, so the right length for a text sender, but without a letter.
  test.each(['00000000000', '01632960001'])(
    'refuses %s, eleven digits that are no UK mobile',
    (sender) => {
      expect(classifySender(sender)).toEqual({
        kind: 'invalid',
        reasons: ['not-shortcode-or-uk-mobile'],
      });
    },
  );

  test.each(['60000', '600000'])('accepts %s as a shortcode', (sender) => {
    expect(classifySender(sender)).toEqual({ kind: 'shortcode', reasons: [] });
  });

  test.each(['6000', '6000000', '+60000'])('refuses %s: no shortcode', (sender) => {
    expect(classifySender(sender)).toEqual({
      kind: 'invalid',
      reasons: ['not-shortcode-or-uk-mobile'],
    });
  });

  test.each(['07700900123', '447700900123', '+447700900123'])(
    'accepts %s as a full UK mobile number',
    (sender) => {
      expect(classifySender(sender)).toEqual({
        kind: 'uk-mobile',
        reasons: [],
        e164: '+447700900123',
      });
    },
  );

  test('notes a Crown-dependency mobile', () => {
    const jersey = getExampleNumber('JE', examples)?.number ?? '';

    expect(classifySender(jersey)).toEqual({
      kind: 'uk-mobile',
      reasons: ['crown-dependency-number'],
      e164: jersey,
    });
  });

  test.each(['600 00', '07700 900123', '(0)7700 900123'])(
    'refuses %j: a sender number is written as digits only',
    (sender) => {
      expect(classifySender(sender)).toEqual({
        kind: 'invalid',
        reasons: ['number-has-formatting'],
      });
    },
  );

  test.each([
    ['12-34', ['number-has-formatting', 'not-shortcode-or-uk-mobile']],
    ['02079460123', ['not-shortcode-or-uk-mobile']],
    ['+61491570006', ['not-shortcode-or-uk-mobile']],
  ])('refuses %j: %j', (sender, reasons) => {
    expect(classifySender(sender)).toEqual({ kind: 'invalid', reasons });
  });
});

describe('repliesPossible', () => {
  test.each([
    ['alphanumeric', false],
    ['shortcode', true],
    ['uk-mobile', true],
    ['invalid', false],
  ] satisfies [SenderKind, boolean][])('%s: %s', (kind, possible) => {
    expect(repliesPossible(kind)).toBe(possible);
  });
});
