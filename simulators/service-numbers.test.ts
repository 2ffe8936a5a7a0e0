import { expect, test } from 'vitest';
import { SIMULATOR_NUMBERS, WELL_KNOWN_NUMBERS } from '../numbering/index.ts';
import { startSimulator } from './index.ts';

test("fresh numbers are never the simulator's own, which its services answer on", async () => {
  await using simulator = await startSimulator({ smpp: {} });
  const { notify, twilio, smpp } = simulator;
  const ukMobile = (text: string) => text.replace(/^0/, '+44');

  const own = [
    ...notify.senders.filter((s) => s.kind === 'uk-mobile').map((s) => ukMobile(s.text)),
    ...notify.teamNumbers,
    twilio.ownedNumber,
    smpp?.inboundNumber ?? 'no SMSC started',
  ];

  const avoided = (n: string) => SIMULATOR_NUMBERS.has(n) || WELL_KNOWN_NUMBERS.has(n);
  expect(own.filter((number) => !avoided(number))).toEqual([]);
});
