import type { TargetConfig } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { KannelDlrListener } from '../providers/kannel/dlr-listener.ts';
import { realTarget } from './real-target.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';

/**
 * A real target of any dialect, with what an SMSC or a Kannel needs beyond an HTTP supplier:
 * the bind settings of an SMPP account, the delivery-report listener a Kannel calls, and the
 * authority the target's certificate is trusted by when the config names one.
 */
export async function realTargetOf(
  config: TargetConfig,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  const where = `targets.${index}`;
  // The authority named by tls.ca, if any, is read with the rest of the target.
  const target = realTarget(config, index, options);

  if (config.dialect === 'smpp') return { ...target, options: smppOptions(config, target) };
  if (config.dialect === 'kannel') return kannelTarget(config, target, where, options, setup);
  return target;
}

/** The bind settings travel as options, as strings, like every other target option. */
function smppOptions(config: TargetConfig, target: ResolvedTarget): Record<string, string> {
  const { systemType, bindMode, sourceTon, sourceNpi } = config.smpp ?? {};
  const settings = { systemType, bindMode, sourceTon, sourceNpi };
  const defined = Object.entries(settings).filter(([, value]) => value !== undefined);
  return { ...target.options, ...Object.fromEntries(defined.map(([k, v]) => [k, String(v)])) };
}

/**
 * Kannel reports each text on the dlr-url it was sent with, so a listener is started on
 * loopback for the run and stopped with it; Kannel is told its public address where one is
 * configured. The sendsms user name is no secret, and goes with the options.
 */
async function kannelTarget(
  config: TargetConfig,
  target: ResolvedTarget,
  where: string,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  const { username = '', ...credentials } = target.credentials;
  const port = config.kannel?.dlrPort;
  const dlr = await KannelDlrListener.start(port).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(options.source, [
      `${where}.kannel.dlrPort: cannot listen on 127.0.0.1:${port ?? 0}: ${reason}`,
    ]);
  });
  setup.simulators.push(dlr);

  const publicUrl = config.kannel?.dlrPublicUrl;
  return {
    ...target,
    credentials: { ...credentials, dlrToken: dlr.address.token },
    options: {
      ...target.options,
      username,
      dlrBaseUrl: dlr.address.baseUrl,
      ...(publicUrl ? { dlrPublicUrl: publicUrl } : {}),
    },
  };
}
