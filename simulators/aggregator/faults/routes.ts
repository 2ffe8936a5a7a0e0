import { CONTROL_PREFIX, controlRoute } from '../control-api.ts';
import type { Router } from '../router.ts';
import type { FaultInjector } from './injector.ts';
import { readFaultPlan } from './plan.ts';

/**
 * `PUT /_sim/faults` sets the plan (replacing any before it, and restarting its windows),
 * `GET` shows it with what it has done, `DELETE` ends every fault.
 */
export function addFaultRoutes(router: Router, faults: FaultInjector): void {
  const path = `${CONTROL_PREFIX}/faults`;
  router
    .add(
      'GET',
      path,
      controlRoute(() => ({ status: 200, json: faults.describe() })),
    )
    .add(
      'PUT',
      path,
      controlRoute((request) => {
        const reading = readFaultPlan(parseBody(request.body));
        if (!reading.ok) return { status: 400, json: { errors: reading.errors } };

        faults.set(reading.plan);
        return { status: 200, json: faults.describe() };
      }),
    )
    .add(
      'DELETE',
      path,
      controlRoute(() => {
        faults.clear();
        return { status: 204 };
      }),
    );
}

/** Not JSON reads as a string, which the schema then refuses by name. */
function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return 'not JSON';
  }
}
