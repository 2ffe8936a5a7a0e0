import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetConfig } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { KannelDlrListener } from '../providers/kannel/dlr-listener.ts';
import { kannelMissing, startKannel } from '../providers/kannel/kannel-process.ts';
import type { ProfileName } from '../simulators/index.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';
import { simulatedSmppTarget } from './simulated-smpp-target.ts';

/**
 * Real Kannel between the harness and the simulator: the simulator's SMSC, Debian's bearerbox
 * and smsbox bound to it on loopback, and a listener for Kannel's delivery reports. The target
 * is Kannel's sendsms interface; everything is stopped with the run.
 */
export async function simulatedKannelTarget(
  config: TargetConfig,
  profile: ProfileName,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  const missing = await kannelMissing();
  if (missing) throw new ConfigError(options.source, [`targets.${index}.dialect: ${missing}`]);

  const smpp = await simulatedSmppTarget(config, profile, options, setup, false);
  const { hostname, port } = new URL(smpp.baseUrl.replace(/^smpp:/, 'http:'));
  const folder = await mkdtemp(join(tmpdir(), 'sms-assure-kannel-'));
  const kannel = await startKannel(folder, {
    host: hostname,
    port: Number(port),
    systemId: smpp.credentials['systemId'] ?? '',
    password: smpp.credentials['password'] ?? '',
  }).catch(async (error: unknown) => {
    await rm(folder, { recursive: true, force: true });
    throw error;
  });
  setup.simulators.push({
    stop: async () => {
      await kannel.stop();
      await rm(folder, { recursive: true, force: true });
    },
  });
  const dlr = await KannelDlrListener.start();
  setup.simulators.push(dlr);

  // Kannel hands over no replies here (it would need an sms-service), so none are expected.
  const { replies: _replies, ...sender } = smpp.sender;
  const simulator = smpp.simulator && { ...smpp.simulator, gateway: 'Kannel' };
  return {
    ...smpp,
    ...(simulator ? { simulator } : {}),
    dialect: 'kannel',
    baseUrl: kannel.sendsmsUrl,
    credentials: { password: kannel.password, dlrToken: dlr.address.token },
    options: { ...smpp.options, username: kannel.username, dlrBaseUrl: dlr.address.baseUrl },
    sender,
  };
}
