import type { TargetConfig } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { dialectOf } from '../providers/registry.ts';
import type { ResolveOptions } from './resolve-targets.ts';
import { readTargetCa } from './target-ca.ts';
import { contentPlan, definedOnly, senderPlan, withOverrides } from './target-plans.ts';

/** A real supplier: its secrets come from the environment, never from the config file. */
export function realTarget(
  config: TargetConfig,
  index: number,
  options: ResolveOptions,
): ResolvedTarget {
  const where = `targets.${index}`;
  // Every problem at once: fixing one should not merely reveal the next.
  const { secrets: credentials, missing: problems } = secretsOf(config, where, options);
  if (config.keyType === 'live' && !options.allowLive) {
    problems.push(
      `${where}.keyType: live credentials text real people; pass --allow-live to use them`,
    );
  }
  if (problems.length > 0) throw new ConfigError(options.source, problems);

  const trustedCa = config.tls ? [readTargetCa(config.tls.ca, `${where}.tls.ca`, options)] : [];

  const dialect = dialectOf(config.dialect);
  return {
    name: config.name,
    dialect: config.dialect,
    baseUrl: config.baseUrl ?? '',
    keyType: config.keyType,
    credentials,
    options: definedOnly(config.options),
    numbers: withOverrides(dialect.defaultNumbers, config.numbers),
    allowList: config.allowList,
    receiptDeadlineMs:
      (config.receiptDeadlineSeconds ?? 0) * 1000 || dialect.defaultReceiptDeadlineMs,
    pollIntervalMs: (config.pollIntervalSeconds ?? 5) * 1000,
    sender: senderPlan(config.sender),
    keywords: config.keywords ?? {},
    countries: config.countries ?? [],
    content: contentPlan(config.content),
    ...(trustedCa.length > 0 ? { trustedCa } : {}),
  };
}

/** Every named secret of the target, read from the environment variable the config names. */
function secretsOf(config: TargetConfig, where: string, options: ResolveOptions) {
  const secrets: Record<string, string> = {};
  const missing: string[] = [];

  for (const [name, ref] of Object.entries(config.credentials ?? {})) {
    if (ref === undefined) continue;
    const value = options.env[ref.env];
    if (value) secrets[name] = value;
    else
      missing.push(
        `${where}.credentials.${name}: environment variable ${ref.env} is not set (or is empty)`,
      );
  }
  return { secrets, missing };
}
