import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewMessage } from '../simulators/aggregator/message.ts';
import { newMessageId } from '../simulators/aggregator/message-id.ts';
import { SimulatorStore } from '../simulators/aggregator/store.ts';
import { alternatingRounds } from './alternating-rounds.ts';

/**
 * The price of encryption at rest in the store alone: messages written and read back per second
 * by a sealed store against the same store writing in the clear (`plaintext-storage`), in
 * alternating rounds in one process. Each round pair gives a ratio, and the median is printed:
 * load from elsewhere that drifts during the run then weighs on both sides of a pair alike.
 */
const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 20_000);
const ROUNDS = 10;
const BATCH = 200;

function message(i: number): NewMessage {
  const body = `bench ${i}: your appointment is on Monday at 10:00`;
  return {
    id: newMessageId(),
    dialect: 'notify',
    accountId: 'svc',
    keyType: 'normal',
    test: false,
    to: `07700900${String(i % 1000).padStart(3, '0')}`,
    number: `+447700900${String(i % 1000).padStart(3, '0')}`,
    country: 'GB',
    body,
    wireBody: body,
    sender: 'ASSURE',
    shownSender: 'ASSURE',
    reference: `bench-${i}`,
    templateId: 't',
    templateVersion: 1,
    fragments: 1,
    rateMultiplier: 1,
    plannedOutcome: 'delivered',
    reportedStatus: 'delivered',
    reachesHandset: true,
    transitStatus: 'sending',
    createdAt: i,
    sentAt: i,
    completedAt: i,
    handsetAt: i,
  };
}

/** Writes `count` messages in group-commit-sized transactions, then reads each back by id. */
function round(store: SimulatorStore, count: number): number {
  const started = process.hrtime.bigint();
  const ids: string[] = [];
  for (let i = 0; i < count; i += BATCH) {
    store.transaction(() => {
      for (let j = i; j < Math.min(i + BATCH, count); j++) {
        const m = message(j);
        store.insertMessage(m);
        ids.push(m.id);
      }
    });
  }
  for (const id of ids) store.findMessageById(id);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'sms-assure-bench-store-'));
  const kek = { key: randomBytes(32), source: 'bench key' };
  const sealed = SimulatorStore.open(join(dir, 'sealed.sqlite'), { kek });
  const clear = SimulatorStore.open(join(dir, 'clear.sqlite'), { kek, plaintext: true });
  const perRound = Math.ceil(MESSAGES / ROUNDS);
  let timed;

  try {
    round(sealed, BATCH);
    round(clear, BATCH);
    timed = alternatingRounds(
      ROUNDS,
      () => round(sealed, perRound),
      () => round(clear, perRound),
    );
  } finally {
    sealed.close();
    clear.close();
    await rm(dir, { recursive: true, force: true });
  }

  const total = perRound * ROUNDS;
  const rate = (seconds: number) => (total / seconds).toFixed(0).padStart(7);
  console.log(`messages per store: ${total}, written and read back, ${ROUNDS} alternating rounds`);
  console.log(`store in the clear  ${rate(timed.baselineSeconds)} messages/s`);
  console.log(`store sealed        ${rate(timed.measuredSeconds)} messages/s`);
  console.log(
    `sealed / clear      ${timed.medianRatio.toFixed(2)} (median of ${ROUNDS} round pairs)`,
  );
}

await main();
