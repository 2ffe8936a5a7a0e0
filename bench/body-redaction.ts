import { Redactor } from '../core/redact.ts';
import { alternatingRounds } from './alternating-rounds.ts';

/**
 * The price of redacting message texts from recorded exchanges: each payload goes through
 * `payload` (texts marked by field, then the rest of the redaction) against `text` alone (keys
 * and numbers only, as before texts were redacted), in alternating rounds in one process. Each
 * round pair gives a ratio; the median is printed, so load that drifts weighs on both sides.
 */
const EXCHANGES = Number(process.env['BENCH_EXCHANGES'] ?? 20_000);
const ROUNDS = 10;

/** What a run records most: a Notify send and its answer, a status, a page of 50 messages. */
function payloads(): string[] {
  const body = 'sms-assure final-status 3fa1c2d4e5f6';
  const message = (i: number) => ({
    id: `0f6c1d2e-7a8b-4c9d-8e0f-1a2b3c4d5e${String(i).padStart(2, '0')}`,
    reference: `assure-run-20261205T050000Z-ab12-${i}`,
    phone_number: '+447700900123',
    body: `${body} ${i}`,
    status: 'delivered',
    created_at: '2026-12-05T05:00:00.000000Z',
  });
  return [
    JSON.stringify({ phone_number: '+447700900123', personalisation: { body }, reference: 'r1' }),
    JSON.stringify({ id: 'n1', content: { body, from_number: 'ASSURE' }, reference: 'r1' }),
    JSON.stringify(message(0)),
    JSON.stringify({ notifications: Array.from({ length: 50 }, (_, i) => message(i)) }),
    new URLSearchParams({ To: '+447700900123', From: 'ASSURE', Body: body }).toString(),
  ];
}

function round(redact: (payload: string) => string, count: number): number {
  const all = payloads();
  let kept = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) kept += redact(all[i % all.length] ?? '').length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (kept === 0) throw new Error('nothing was redacted');
  return seconds;
}

const redactor = new Redactor().secret('bench-api-key-0123456789').number('+447700900123');
const withTexts = (p: string) => redactor.payload(p);
const keysOnly = (p: string) => redactor.text(p);
const perRound = Math.ceil(EXCHANGES / ROUNDS);

round(withTexts, 500);
round(keysOnly, 500);
const timed = alternatingRounds(
  ROUNDS,
  () => round(withTexts, perRound),
  () => round(keysOnly, perRound),
);

const total = perRound * ROUNDS;
const rate = (seconds: number) => (total / seconds).toFixed(0).padStart(7);
console.log(`exchanges: ${total}, ${ROUNDS} alternating rounds`);
console.log(`keys and numbers only   ${rate(timed.baselineSeconds)} payloads/s`);
console.log(`texts redacted as well  ${rate(timed.measuredSeconds)} payloads/s`);
console.log(
  `with texts / without    ${timed.medianRatio.toFixed(2)} (median of ${ROUNDS} round pairs)`,
);
