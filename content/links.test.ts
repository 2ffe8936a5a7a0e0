import { expect, test } from 'vitest';
import { findLinks } from './links.ts';

test('finds links with and without a scheme, with their host and position', () => {
  expect(findLinks('See https://Bit.ly/Ab1 or www.gov.uk/renew today')).toEqual([
    { text: 'https://Bit.ly/Ab1', at: 4, host: 'bit.ly', shortener: true },
    { text: 'www.gov.uk/renew', at: 26, host: 'gov.uk', shortener: false },
  ]);
});

test('a full stop, comma or bracket after a link is not part of it', () => {
  const links = findLinks('(see gov.uk/x), then nhs.uk. Or http://example.com/a?b=1.');
  expect(links.map((link) => link.text)).toEqual([
    'gov.uk/x',
    'nhs.uk',
    'http://example.com/a?b=1',
  ]);
});

test('the domain of an email address is not a link', () => {
  expect(findLinks('Write to help@service.gov.uk')).toEqual([]);
});

test('abbreviations, times and names with dots are not links', () => {
  expect(findLinks('e.g. i.e. 11.30am Mr.Smith etc. 3.5kg a.m.')).toEqual([]);
});

test('a subdomain of a shortener is not the shortener', () => {
  expect(findLinks('docs.bit.ly.example.org')).toMatchObject([{ shortener: false }]);
});
