import type { FailoverEvidence } from '../../../core/evidence.ts';
import type { LaneChange, MessageRoute } from '../../../providers/failover/index.ts';

export interface ScenarioClock {
  readonly startedAt: number;
  readonly faultStart: number;
  readonly faultEnd: number;
}

/** A message's route as the report shows it, times from the scenario's start. */
export function routeRecord(route: MessageRoute, clock: ScenarioClock, handsetCount?: number) {
  return {
    reference: route.reference,
    submittedAtMs: route.submittedAt - clock.startedAt,
    state: route.state,
    attempts: route.attempts.map((a) => `${a.target}:${a.outcome}`),
    ...(route.holder ? { holder: route.holder.target } : {}),
    ...(handsetCount === undefined ? {} : { handsetCount }),
  };
}

export function timelineRecord(changes: readonly LaneChange[], clock: ScenarioClock) {
  return changes.map((c) => ({
    atMs: c.at - clock.startedAt,
    target: c.target,
    state: c.state,
    reason: c.reason,
  }));
}

/**
 * The figures of a scenario. Lost and duplicated come from the handsets where they can be seen
 * (`counts`), otherwise from what the suppliers reported to the sender.
 */
export function scenarioFigures(
  routes: readonly MessageRoute[],
  clock: ScenarioClock,
  names: { readonly primary: string; readonly secondary?: string },
  counts: readonly number[] | undefined,
): FailoverEvidence['figures'] {
  const taken = (r: MessageRoute, target: string | undefined) =>
    r.attempts
      .filter((a) => a.target === target && (a.outcome === 'accepted' || a.outcome === 'found'))
      .map((a) => a.at);

  const switched = routes
    .flatMap((r) => taken(r, names.secondary))
    .filter((at) => at >= clock.faultStart);
  const recovered = routes
    .filter((r) => r.submittedAt >= clock.faultEnd)
    .flatMap((r) => taken(r, names.primary));

  const lost = counts
    ? counts.filter((n) => n === 0).length
    : routes.filter((r) => r.state !== 'delivered').length;
  const duplicated = counts ? counts.filter((n) => n > 1).length : 0;

  return {
    sent: routes.length,
    timeToSwitchMs: switched.length > 0 ? Math.min(...switched) - clock.faultStart : null,
    lost,
    duplicated,
    timeToRecoverMs: recovered.length > 0 ? Math.min(...recovered) - clock.faultEnd : null,
  };
}
