import { describe, expect, test } from 'vitest';
import { NotifyApiError } from './errors.ts';
import { characterCount, fragmentCount } from './sms-length.ts';
import { fillTemplate } from './template.ts';

describe('fillTemplate', () => {
  test('fills placeholders whatever the key’s case, spaces or underscores', () => {
    expect(fillTemplate('Hi ((first name)), ((Ref_No))', { FirstName: 'Ann', 'ref no': 7 })).toBe(
      'Hi Ann, 7',
    );
  });

  test('reads lists as prose and trims the result', () => {
    expect(fillTemplate(' ((items)) ', { items: ['tea', 'milk', 'bread'] })).toBe(
      'tea, milk and bread',
    );
  });

  test('names every missing placeholder in one error', () => {
    const fill = () => fillTemplate('((a)) ((b)) ((a))', {});
    expect(fill).toThrow(NotifyApiError);
    expect(fill).toThrow('Missing personalisation: a, b');
  });

  test('refuses an empty message', () => {
    expect(() => fillTemplate('((body))', { body: '   ' })).toThrow('Your message is empty.');
  });
});

describe('fragmentCount', () => {
  test.each([
    ['a'.repeat(160), 1],
    ['a'.repeat(161), 2],
    ['a'.repeat(306), 2],
    ['a'.repeat(307), 3],
    ['€'.repeat(80), 1],
    ['€'.repeat(81), 2],
    ['ŵ'.repeat(70), 1],
    ['ŵ'.repeat(71), 2],
    ['ŵ'.repeat(134), 2],
  ])('%#: %s… is %i fragment(s)', (body, fragments) => {
    expect(fragmentCount(body)).toBe(fragments);
  });

  test('counts characters, not UTF-16 units', () => {
    expect(characterCount('hello 👋')).toBe(7);
  });
});
