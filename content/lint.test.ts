import { describe, expect, test } from 'vitest';
import type { FindingCode } from './finding.ts';
import { DEFAULT_RATE_PER_SEGMENT_PENCE, lintMessage, type LintOptions } from './lint.ts';

const CLEAN = 'Renew a licence: your new licence is on its way. Reply STOP to opt out.';

function codes(text: string, options: LintOptions = {}): FindingCode[] {
  return lintMessage(text, options).findings.map((finding) => finding.code);
}

function only(text: string, code: FindingCode, options: LintOptions = {}) {
  return lintMessage(text, options).findings.filter((finding) => finding.code === code);
}

test('a plain, short, named message has no findings', () => {
  expect(lintMessage(CLEAN, { serviceName: 'Renew a licence' }).findings).toEqual([]);
});

describe('cost', () => {
  test('is segments times the rate, rounded to a hundredth of a penny', () => {
    expect(lintMessage('a'.repeat(400), { ratePerSegmentPence: 2.4 }).costPence).toBe(7.2);
    expect(lintMessage('a'.repeat(161), { ratePerSegmentPence: 3 }).costPence).toBe(6);
  });

  test("defaults to Notify's 2.4p a fragment", () => {
    expect(DEFAULT_RATE_PER_SEGMENT_PENCE).toBe(2.4);
    expect(lintMessage(CLEAN).costPence).toBe(2.4);
  });

  test("carries Notify's own count beside the handset's", () => {
    const result = lintMessage('😎'.repeat(70));
    expect(result.analysis.segments).toBe(3);
    expect(result.notify.fragments).toBe(1);
  });
});

describe('length', () => {
  test('an empty or blank message fails', () => {
    expect(only('', 'empty_message')).toMatchObject([{ severity: 'fail' }]);
    expect(codes(' \n ')).toContain('empty_message');
    expect(codes(CLEAN)).not.toContain('empty_message');
  });

  test('more than three segments warns; three do not', () => {
    expect(only('a'.repeat(460), 'too_many_segments')).toMatchObject([{ severity: 'warn' }]);
    expect(codes('a'.repeat(459))).not.toContain('too_many_segments');
  });

  test('the segment threshold can be set', () => {
    expect(codes('a'.repeat(161), { maxSegments: 1 })).toContain('too_many_segments');
  });

  test("over Notify's 918 characters fails; 918 exactly does not", () => {
    const finding = only('a'.repeat(919), 'too_long_for_notify');
    expect(finding).toMatchObject([{ severity: 'fail' }]);
    expect(finding[0]?.message).toContain('919 characters');
    expect(codes('a'.repeat(918))).not.toContain('too_long_for_notify');
  });

  test("Notify's limit counts after sanitising: 920 characters and two zero-widths pass", () => {
    expect(codes('a'.repeat(918) + '\u200b\u200b')).not.toContain('too_long_for_notify');
  });
});

describe('characters that force UCS-2', () => {
  test('each distinct one is named once, where it first appears, with its replacement', () => {
    const findings = only('“Hi” — it’s ok, it’s fine', 'forces_ucs2');
    expect(findings.map((f) => [f.text, f.at, f.replacement])).toEqual([
      ['“', 0, '"'],
      ['”', 3, '"'],
      ['—', 5, '-'],
      ['’', 9, "'"],
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warn' });
    expect(findings[0]?.message).toMatch(/left double quotation mark .*U\+201C.*UCS-2.*use "/u);
  });

  test('emoji have no replacement', () => {
    const [finding] = only('See you soon 😀', 'forces_ucs2');
    expect(finding).toMatchObject({ text: '😀', at: 13 });
    expect(finding?.replacement).toBeUndefined();
    expect(finding?.message).toContain('emoji');
  });

  test('a non-GSM letter is reduced to its base letter: ç to c (BR-10)', () => {
    expect(only('Façade', 'forces_ucs2')).toMatchObject([{ text: 'ç', replacement: 'c' }]);
    expect(codes('FAÇADE')).toEqual([]);
  });

  test('a Welsh letter is named as such and not replaced', () => {
    const [finding] = only('Croeso i Gymru, ŵyr', 'forces_ucs2');
    expect(finding?.replacement).toBeUndefined();
    expect(finding?.message).toContain('Welsh letter');
  });

  test('invisible characters are to be deleted, and a no-break space made plain', () => {
    const findings = only('a\u200bb\u00a0c', 'forces_ucs2');
    expect(findings.map((f) => f.replacement)).toEqual(['', ' ']);
    expect(findings[0]?.message).toContain('delete it');
    expect(findings[1]?.message).toContain('plain space');
  });

  test('a GSM-7 message has none, extension characters included', () => {
    expect(codes('Costs €5 [approx] {see below} ^ ~ | \\')).not.toContain('forces_ucs2');
  });
});

describe('links', () => {
  test.each(['bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly'])(
    'a %s link fails as a shortener',
    (host) => {
      const [finding] = only(`Pay here: https://${host}/abc123`, 'link_shortener');
      expect(finding).toMatchObject({ severity: 'fail', at: 10, text: `https://${host}/abc123` });
      expect(finding?.message).toContain('phishing');
    },
  );

  test('a shortener without a scheme or with www. still fails', () => {
    expect(codes('Go to bit.ly/x1')).toContain('link_shortener');
    expect(codes('Go to www.tinyurl.com/y2')).toContain('link_shortener');
  });

  test('any other link warns, once, and not as a shortener', () => {
    expect(only('Renew at https://www.gov.uk/renew.', 'contains_link')).toMatchObject([
      { severity: 'warn', text: 'https://www.gov.uk/renew' },
    ]);
    expect(codes('Renew at gov.uk/renew')).toEqual(['contains_link']);
  });

  test('a message with no link has neither finding', () => {
    expect(codes('Your appointment is at 11.30am with Mr.Smith, e.g. bring ID.')).toEqual([]);
  });
});

describe('sender identification', () => {
  test('a service name absent from the text warns', () => {
    const [finding] = only('Your licence is on its way.', 'missing_service_name', {
      serviceName: 'DVLA',
    });
    expect(finding).toMatchObject({ severity: 'warn' });
    expect(finding?.message).toContain('"DVLA"');
  });

  test('the name is found whatever its case', () => {
    expect(codes('dvla: your licence is on its way.', { serviceName: 'DVLA' })).toEqual([]);
  });

  test('with no service name given, nothing is checked', () => {
    expect(codes('Your licence is on its way.')).toEqual([]);
    expect(codes('Your licence is on its way.', { serviceName: '  ' })).toEqual([]);
  });
});

describe('personal data', () => {
  test.each([
    ['07700 900123', 'contains_phone_number', 'warn'],
    ['+447700900456', 'contains_phone_number', 'warn'],
    ['name.surname@example.com', 'contains_email_address', 'warn'],
    ['QQ 12 34 56 C', 'contains_ni_number', 'fail'],
    ['QQ123456C', 'contains_ni_number', 'fail'],
    ['4000 0000 0000 0002', 'contains_card_number', 'fail'],
    ['4000-0000-0000-0002', 'contains_card_number', 'fail'],
  ] as const)('%s is found as %s (%s), without its value', (value, code, severity) => {
    const [finding] = only(`Ref: ${value} thanks`, code);
    expect(finding).toMatchObject({ severity, at: 5 });
    expect(finding?.text).toBeUndefined();
    expect(finding?.message).not.toContain(value);
  });

  test('look-alikes are not personal data', () => {
    const text = 'Ref 1234 5678 9012, call 03069 990123 or 07700 9001, code AB1234 on 12/06';
    expect(codes(text)).toEqual([]);
  });
});

test('every finding message is one sentence', () => {
  const text =
    'Hi “you” 😀 bit.ly/x gov.uk 07700 900789 a@example.com QQ 12 34 56 C ' + 'a'.repeat(900);
  const { findings } = lintMessage(text, { serviceName: 'Renew' });

  expect(findings.length).toBeGreaterThan(8);
  for (const finding of findings) {
    expect(finding.code).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/u);
    expect(finding.message).toMatch(/^The [^]*[.]$/u);
    expect(finding.message.slice(0, -1)).not.toMatch(/[.!?] [A-Z]/u);
  }
});
