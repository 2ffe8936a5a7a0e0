import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { PROFILES, startSimulator, type ProfileName } from '../simulators/index.ts';
import { SIMULATOR_HELP } from './help.ts';
import { parseOptions, positiveNumber } from './parse-options.ts';
import { rotateKeyCommand } from './rotate-key-command.ts';

export async function simulatorCommand(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'rotate-key') return rotateKeyCommand(argv.slice(1));

  const values = parseOptions(argv, {
    port: { type: 'string' },
    profile: { type: 'string' },
    'time-scale': { type: 'string' },
    'data-dir': { type: 'string' },
    'key-file': { type: 'string' },
    http: { type: 'boolean' },
    'smpp-port': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(SIMULATOR_HELP);
    return 0;
  }

  const profile = values.profile ?? 'compliant';
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new ConfigError('command line', [
      `--profile: '${profile}' is not one of ${PROFILES.join(', ')}`,
    ]);
  }
  const port = portOption(values.port, '--port') ?? 0;
  const smppPort = portOption(values['smpp-port'], '--smpp-port');

  const simulator = await startSimulator({
    port,
    profile: profile as ProfileName,
    timeScale: positiveNumber(values['time-scale'], '--time-scale') ?? 100,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values['key-file'] ? { keyFile: values['key-file'] } : {}),
    transport: values.http ? 'http' : 'https',
    ...(smppPort === undefined ? {} : { smpp: { port: smppPort } }),
  });
  printAddresses(simulator);
  if (simulator.ca) {
    // A fresh authority at every start: clients must be given this one, never told to trust all.
    const caFile = join(simulator.dataDir, 'ca.pem');
    await writeFile(caFile, simulator.ca, { mode: 0o644 });
    console.log(`CA certificate     ${caFile}  (Node clients: NODE_EXTRA_CA_CERTS=${caFile})`);
  }

  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await simulator.stop();
  return 0;
}

function portOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('command line', [`${flag}: expected 0-65535, got '${value}'`]);
  }
  return port;
}

function printAddresses(simulator: Awaited<ReturnType<typeof startSimulator>>) {
  const { notify } = simulator;
  console.log(
    `simulator listening on ${simulator.baseUrl} (profile ${simulator.profile}, ` +
      `time x${simulator.timeScale})`,
  );
  console.log(`control API        ${simulator.controlUrl}`);
  console.log(`Notify test key    ${notify.testKey}`);
  console.log(`Notify team key    ${notify.teamKey}`);
  console.log(`Notify live key    ${notify.liveKey}`);
  console.log(`Notify template id ${notify.templateId}  (content: ((body)))`);
  const { twilio } = simulator;
  console.log(`Twilio account     ${twilio.accountSid}:${twilio.authToken}  (From ${twilio.from})`);
  console.log(`Twilio test creds  ${twilio.testAccountSid}:${twilio.testAuthToken}`);
  const { vonage } = simulator;
  console.log(`Vonage key:secret  ${vonage.apiKey}:${vonage.apiSecret}  (from ${vonage.from})`);
  console.log(`Vonage signature   ${vonage.signatureSecret}  (${vonage.signatureMethod})`);
  const { sns } = simulator;
  console.log(`SNS access key     ${sns.accessKeyId}  region ${sns.region}  (POST /)`);
  console.log(`SNS secret key     ${sns.secretAccessKey}  (read back: /_aws/sns/sms-messages)`);
  console.log(`Firetext apiKey    ${simulator.firetext.apiKey}  (POST /api/sendsms/json)`);
  const { smpp } = simulator;
  if (smpp) {
    console.log(`SMPP SMSC          ${smpp.url}  system_id ${smpp.systemId}`);
    console.log(`SMPP password      ${smpp.password}`);
    console.log(`SMPP inbound       ${smpp.inboundNumber} (handsets reply here)`);
  }
  console.log(
    'Keys are fresh at every start and work only against this simulator. Ctrl-C stops it.',
  );
}
