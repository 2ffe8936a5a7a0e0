import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { access, constants, readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

const BEARERBOX = '/usr/sbin/bearerbox';
const SMSBOX = '/usr/sbin/smsbox';

/** Why Kannel cannot run here, or undefined when both boxes are installed. */
export async function kannelMissing(): Promise<string | undefined> {
  try {
    await access(BEARERBOX, constants.X_OK);
    await access(SMSBOX, constants.X_OK);
    return undefined;
  } catch {
    return `Kannel is not installed (${BEARERBOX}, ${SMSBOX}): apt-get install -y kannel`;
  }
}

export interface KannelSmsc {
  readonly host: string;
  readonly port: number;
  readonly systemId: string;
  readonly password: string;
}

export interface StartedKannel {
  /** smsbox's sendsms interface, `http://127.0.0.1:PORT`. */
  readonly sendsmsUrl: string;
  readonly username: string;
  readonly password: string;
  /** bearerbox's SMPP log, every PDU dumped field by field. */
  readonly smscLog: string;
  /** Stops smsbox, then bearerbox, each by its own process id. */
  stop(): Promise<void>;
}

/** Fresh at every start, like the simulator's own credentials. */
const SENDSMS_USER = { username: 'harness', password: randomBytes(12).toString('base64url') };
const ADMIN_PASSWORD = randomBytes(12).toString('base64url');

/**
 * Writes a kannel.conf into `dir` binding Kannel to the SMSC in transceiver mode, every port
 * on 127.0.0.1, then starts bearerbox and, once it listens for boxes and is bound, smsbox.
 */
export async function startKannel(dir: string, smsc: KannelSmsc): Promise<StartedKannel> {
  const [admin = 0, boxes = 0, sendsms = 0] = await freePorts(3);
  const conf = join(dir, 'kannel.conf');
  await writeFile(conf, kannelConf(dir, smsc, { admin, boxes, sendsms }));

  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await terminate(child);
  };
  try {
    children.push(spawnBox(BEARERBOX, conf, dir));
    await listening(boxes);
    await bound(admin);
    children.push(spawnBox(SMSBOX, conf, dir));
    await listening(sendsms);
  } catch (error) {
    await stop();
    throw new Error(`Kannel did not start: ${String(error)}\n${await complaints(dir)}`, {
      cause: error,
    });
  }

  return {
    sendsmsUrl: `http://127.0.0.1:${sendsms}`,
    ...SENDSMS_USER,
    smscLog: join(dir, 'smsc.log'),
    stop,
  };
}

/** The errors bearerbox logged, which say why it would not start (the stack lines left out). */
async function complaints(dir: string): Promise<string> {
  const log = await readFile(join(dir, 'bearerbox.log'), 'utf8').catch(() => '');
  return log
    .split('\n')
    .filter((line) => /\b(ERROR|PANIC):/.test(line) && !/PANIC: \//.test(line))
    .slice(-5)
    .join('\n');
}

function kannelConf(
  dir: string,
  smsc: KannelSmsc,
  ports: { admin: number; boxes: number; sendsms: number },
): string {
  return `group = core
admin-port = ${ports.admin}
admin-interface = 127.0.0.1
admin-password = ${ADMIN_PASSWORD}
status-password = ${ADMIN_PASSWORD}
admin-allow-ip = "127.0.0.1"
smsbox-port = ${ports.boxes}
smsbox-interface = 127.0.0.1
box-allow-ip = "127.0.0.1"
log-file = "${join(dir, 'bearerbox.log')}"
log-level = 0
access-log = "${join(dir, 'access.log')}"
store-type = file
store-location = "${join(dir, 'kannel.store')}"
dlr-storage = internal

group = smsc
smsc = smpp
smsc-id = simulator
host = ${smsc.host}
port = ${smsc.port}
transceiver-mode = true
smsc-username = "${smsc.systemId}"
smsc-password = "${smsc.password}"
system-type = "VMA"
interface-version = 34
source-addr-ton = 5
source-addr-npi = 0
source-addr-autodetect = true
dest-addr-ton = 1
dest-addr-npi = 1
enquire-link-interval = 30
reconnect-delay = 1
log-file = "${join(dir, 'smsc.log')}"
log-level = 0

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${ports.boxes}
sendsms-port = ${ports.sendsms}
sendsms-interface = 127.0.0.1
log-file = "${join(dir, 'smsbox.log')}"
log-level = 0

group = sendsms-user
username = ${SENDSMS_USER.username}
password = ${SENDSMS_USER.password}
max-messages = 10
concatenation = true
`;
}

function spawnBox(binary: string, conf: string, dir: string): ChildProcess {
  const child = spawn(binary, [conf], { cwd: dir, stdio: 'ignore' });
  child.on('error', () => undefined);
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Ports free at the moment of asking, from the kernel; each is closed again at once. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer().listen(0, '127.0.0.1');
      await once(server, 'listening');
      return server;
    }),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on 127.0.0.1:${port}`);
    await sleep(50);
  }
}

/** Waits until bearerbox's status page says its SMSC connection is online. */
async function bound(adminPort: number, timeoutMs = 10_000): Promise<void> {
  const url = `http://127.0.0.1:${adminPort}/status.txt?password=${ADMIN_PASSWORD}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await request(url).catch(() => undefined);
    const text = (await reply?.body.text()) ?? '';
    if (/simulator\[simulator\].*\(online/.test(text) || /SMPP:.*online/.test(text)) return;
    if (Date.now() > deadline) throw new Error(`Kannel did not bind to the SMSC:\n${text}`);
    await sleep(100);
  }
}
