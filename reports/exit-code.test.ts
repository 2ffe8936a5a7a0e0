import { expect, test } from 'vitest';
import { exitCodeMeaning } from './exit-code.ts';

test('names what each exit code means to CI', () => {
  expect([0, 1, 2, 3, 9].map(exitCodeMeaning)).toMatchInlineSnapshot(`
    [
      "nothing required failed, apart from known deviations",
      "new findings: a must or should requirement failed, or an API contract check found a fault",
      "the harness or the network failed: some verdicts could not be judged",
      "bad configuration: the run could not start",
      "unknown exit code 9",
    ]
  `);
});
