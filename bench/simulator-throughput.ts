import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { notifyToken } from '../simulators/test-support/notify-http.ts';
import { spawnSimulator } from '../simulators/test-support/simulator-process.ts';

/**
 * Sends per second: the simulator (Notify dialect, every message stored) against a bare node:http
 * server answering the same JSON, both in child processes, loaded the same way in the same run.
 * The brief asks for a ratio of at least 0.5. A third server, the simulator storing in the clear
 * (profile `plaintext-storage`), prices the encryption at rest alone.
 */
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4000);
const CONNECTIONS = 32;

const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const json = JSON.stringify({ id: 'x', reference: body.reference, content: { body: 'x' } });
    res.writeHead(201, { 'content-type': 'application/json' }).end(json);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function main() {
  const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [portLine] = (await once(bare.stdout, 'data')) as [Buffer];
  const bareUrl = `http://127.0.0.1:${portLine.toString().trim()}`;

  const dataDir = await mkdtemp(join(tmpdir(), 'sms-assure-bench-'));
  const plainDir = await mkdtemp(join(tmpdir(), 'sms-assure-bench-plain-'));
  const simulator = await spawnSimulator(dataDir, 100);
  const plain = await spawnSimulator(plainDir, 100, 'plaintext-storage');
  try {
    const body = (i: number) =>
      JSON.stringify({
        phone_number: `07700900${String(i % 1000).padStart(3, '0')}`,
        template_id: simulator.notify.templateId,
        personalisation: { body: `bench ${i}` },
        reference: `bench-${i}`,
      });
    const authorization = `Bearer ${await notifyToken(simulator.notify.liveKey)}`;
    const plainBody = (i: number) =>
      body(i).replace(simulator.notify.templateId, plain.notify.templateId);
    const plainAuthorization = `Bearer ${await notifyToken(plain.notify.liveKey)}`;

    await load(bareUrl, body, {}, 500);
    const baseline = await load(bareUrl, body, {}, REQUESTS);
    await load(simulator.baseUrl, body, { authorization }, 500);
    const simulated = await load(simulator.baseUrl, body, { authorization }, REQUESTS);
    const headers = { authorization: plainAuthorization };
    await load(plain.baseUrl, plainBody, headers, 500);
    const plaintext = await load(plain.baseUrl, plainBody, headers, REQUESTS);

    console.log(`requests per server: ${REQUESTS}, connections: ${CONNECTIONS}`);
    console.log(`bare node:http      ${baseline.toFixed(0).padStart(7)} sends/s`);
    console.log(`simulator (stored)  ${simulated.toFixed(0).padStart(7)} sends/s`);
    console.log(`ratio               ${(simulated / baseline).toFixed(2)} (target >= 0.50)`);
    console.log(`simulator (clear)   ${plaintext.toFixed(0).padStart(7)} sends/s`);
    console.log(`encrypted / clear   ${(simulated / plaintext).toFixed(2)}`);
  } finally {
    bare.kill();
    await simulator[Symbol.asyncDispose]();
    await plain[Symbol.asyncDispose]();
    await rm(dataDir, { recursive: true, force: true });
    await rm(plainDir, { recursive: true, force: true });
  }
}

/** Sends `count` POSTs over a fixed pool; every answer must be a 201, or the figure is void. */
async function load(
  baseUrl: string,
  body: (i: number) => string,
  headers: Record<string, string>,
  count: number,
): Promise<number> {
  const pool = new Pool(baseUrl, { connections: CONNECTIONS });
  let next = 0;
  const started = process.hrtime.bigint();

  const worker = async () => {
    while (next < count) {
      const i = next++;
      const reply = await pool.request({
        path: '/v2/notifications/sms',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: body(i),
      });
      await reply.body.dump();
      if (reply.statusCode !== 201) throw new Error(`send ${i} answered HTTP ${reply.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await pool.close();
  return count / seconds;
}

await main();
