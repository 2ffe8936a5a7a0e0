import { once } from 'node:events';
import { ConfigError } from '../core/errors.ts';
import { PROFILES, startSimulator, type ProfileName } from '../simulators/index.ts';
import { SIMULATOR_HELP } from './help.ts';
import { parseOptions, positiveNumber } from './parse-options.ts';

export async function simulatorCommand(argv: readonly string[]): Promise<number> {
  const values = parseOptions(argv, {
    port: { type: 'string' },
    profile: { type: 'string' },
    'time-scale': { type: 'string' },
    'data-dir': { type: 'string' },
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
    ...(smppPort === undefined ? {} : { smpp: { port: smppPort } }),
  });
  printAddresses(simulator);

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
