import { resolve } from 'node:path';
import type { z } from 'zod';

interface DeclarativeShape {
  readonly description?: string | undefined;
  readonly simulator?: object | undefined;
  readonly baseUrl?: string | undefined;
}

/**
 * A declarative target names the file that describes its supplier; a real one also says where
 * the API is. Its credentials are checked against the description once that is read.
 */
export function checkDeclarative(target: DeclarativeShape, ctx: z.RefinementCtx): void {
  if (!target.description) {
    const message = 'required: the file describing the supplier’s API (see README)';
    ctx.addIssue({ code: 'custom', path: ['description'], message });
  }
  if (!target.simulator && !target.baseUrl) {
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'required' });
  }
}

/** Description files are named relative to the config file that names them. */
export function withDescriptionsFrom<
  T extends { readonly targets: readonly { readonly description?: string | undefined }[] },
>(folder: string, config: T): T {
  const targets = config.targets.map((target) =>
    target.description ? { ...target, description: resolve(folder, target.description) } : target,
  );
  return { ...config, targets };
}
