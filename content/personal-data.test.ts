import { expect, test } from 'vitest';
import { findPersonalData } from './personal-data.ts';

test('finds UK mobile numbers in their usual spellings', () => {
  const text = '07700 900001 / 07700900002 / +44 7700 900003 / 0044 7700 900004 / (07700) 900005';
  expect(findPersonalData(text).map((found) => found.kind)).toEqual(Array(5).fill('phone_number'));
});

test('landlines and partial numbers are not mobiles', () => {
  expect(findPersonalData('03069 990123, 020 7946 0999, 01632 960001, 07700 9001')).toEqual([]);
});

test('gives the position of each find but never the value', () => {
  expect(findPersonalData('Email a@example.com')).toEqual([{ kind: 'email_address', at: 6 }]);
});

test('a National Insurance number needs a suffix from A to D', () => {
  expect(findPersonalData('QQ 12 34 56 C')).toEqual([{ kind: 'ni_number', at: 0 }]);
  expect(findPersonalData('qq123456a')).toEqual([{ kind: 'ni_number', at: 0 }]);
  expect(findPersonalData('QQ 12 34 56 E')).toEqual([]);
});

test('a card number is sixteen digits with one kind of separator', () => {
  expect(findPersonalData('4000000000000002')).toEqual([{ kind: 'card_number', at: 0 }]);
  expect(findPersonalData('4000 0000-0000 0002')).toEqual([]);
  expect(findPersonalData('40000000000000021')).toEqual([]);
});
