import { expect, test } from 'vitest';
import { parseExpectationFlags, parseShard } from './run-flags.ts';

test('--shard takes INDEX/COUNT with the index within the count', () => {
  expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
  expect(parseShard('3/3')).toEqual({ index: 3, count: 3 });
  expect(parseShard(undefined)).toBeUndefined();
  for (const bad of ['0/2', '3/2', '1', '1/0', 'a/b', '1/2/3']) {
    expect(() => parseShard(bad)).toThrow(/--shard: expected INDEX\/COUNT/);
  }
});

test('--expectations names its target, or may leave it out when the run has one', () => {
  expect(parseExpectationFlags(['a=x.yaml', 'b=./y=1.yaml'], ['a', 'b'])).toEqual(
    new Map([
      ['a', 'x.yaml'],
      ['b', './y=1.yaml'],
    ]),
  );
  expect(parseExpectationFlags(['only.yaml'], ['sim'])).toEqual(new Map([['sim', 'only.yaml']]));
  expect(() => parseExpectationFlags(['only.yaml'], ['a', 'b'])).toThrow(/name one as TARGET=FILE/);
  expect(() => parseExpectationFlags(['a=x.yaml', 'a=y.yaml'], ['a'])).toThrow(/given twice/);
});
