import { describe, expect, test } from 'vitest';
import { pythonRepr } from './python-repr.ts';
import { parseUuid } from './uuid.ts';

describe('parseUuid', () => {
  test.each([
    '7D8B4C8E-39BB-4D2B-9F84-2A0C5E0F3A11',
    '{7d8b4c8e-39bb-4d2b-9f84-2a0c5e0f3a11}',
    'urn:uuid:7d8b4c8e-39bb-4d2b-9f84-2a0c5e0f3a11',
    '7d8b4c8e39bb4d2b9f842a0c5e0f3a11',
  ])('accepts %s as Python does', (value) => {
    expect(parseUuid(value)).toBe('7d8b4c8e-39bb-4d2b-9f84-2a0c5e0f3a11');
  });

  test.each(['', 'abc', '7d8b4c8e-39bb-4d2b-9f84-2a0c5e0f3a1', 42, null])('refuses %s', (value) => {
    expect(parseUuid(value)).toBeUndefined();
  });
});

describe('pythonRepr', () => {
  test('shows JSON values as Notify messages do, quotes removed', () => {
    expect(pythonRepr({ a: [1, 'x', true, null] })).toBe('{a: [1, x, True, None]}');
    expect(pythonRepr("it's")).toBe('its');
  });
});
