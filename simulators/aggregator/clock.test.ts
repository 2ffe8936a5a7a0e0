import { expect, test } from 'vitest';
import { SimClock } from './clock.ts';

test('now never goes back, and unique times always go forward', () => {
  const clock = new SimClock(1000);
  let last = 0;
  let backwards = 0;

  for (let i = 0; i < 200_000; i++) {
    const unique = i % 7 === 0;
    const now = unique ? clock.uniqueMicros() : clock.nowMicros();
    if (now < last || (unique && now === last)) backwards++;
    last = now;
  }

  expect(backwards).toBe(0);
});
