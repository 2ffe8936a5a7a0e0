import { HarnessError } from '../../core/errors.ts';
import type { ResolvedTarget } from '../../core/target.ts';
import type { ObserverPlan } from '../../core/truth-plan.ts';
import { RecordingClient } from '../http/recording-client.ts';
import { trusting } from '../http/trusted-agent.ts';
import { dialectOf, type AdapterContext } from '../registry.ts';
import { HandsetObserver } from './handset-observer.ts';
import type { Observer } from './observer.ts';
import { ReceivedTextsObserver } from './received-texts-observer.ts';
import { SmppObserver } from './smpp-observer.ts';
import { TwilioWebhookObserver } from './twilio-webhook-observer.ts';
import { WebhookObserver } from './webhook-observer.ts';

/**
 * The observer a plan describes; its HTTP exchanges are recorded like the supplier's. The
 * simulator and the receiver serve HTTPS under authorities of their own, trusted by `ca`.
 */
export function createObserver(
  plan: ObserverPlan,
  context: AdapterContext,
  ca?: readonly string[],
): Observer {
  switch (plan.kind) {
    case 'handsets':
      return new HandsetObserver(plan.controlUrl, ca);
    case 'webhook':
      return new WebhookObserver({ ...plan, ca });
    case 'received-texts':
      return receivedTexts(plan, context, ca);
    case 'smpp':
      return smpp(plan, context, ca);
    case 'twilio-webhook':
      return new TwilioWebhookObserver({ ...plan, ca });
  }
}

/** The bind's password is a secret like the supplier's: redacted wherever it could show. */
function smpp(
  plan: Extract<ObserverPlan, { kind: 'smpp' }>,
  context: AdapterContext,
  ca: readonly string[] | undefined,
): Observer {
  context.redactor.secret(plan.password);
  const trusted = [...(plan.ca ?? []), ...(ca ?? [])];
  const { url, systemId, password } = plan;
  return new SmppObserver({
    endpoint: { url, systemId, password, ...(trusted.length > 0 ? { ca: trusted } : {}) },
    number: plan.number,
    bind: plan.bind,
  });
}

function receivedTexts(
  plan: Extract<ObserverPlan, { kind: 'received-texts' }>,
  context: AdapterContext,
  ca: readonly string[] | undefined,
): Observer {
  context.redactor.secret(plan.apiKey);
  const { redactor, sink } = context;
  const client = new RecordingClient({ redactor, sink, ...trusting(ca) });
  const adapter = dialectOf(plan.dialect).createAdapter(observerTarget(plan), client);
  if (!adapter.capabilities.inbound) {
    throw new HarnessError(
      'ASSURE_OBSERVER_DIALECT',
      `the ${plan.dialect} dialect cannot read received texts: choose another truth.observer`,
    );
  }
  return new ReceivedTextsObserver(adapter, plan.number);
}

/** The observing service as a target of its own: it is only ever read, never sent through. */
function observerTarget(plan: Extract<ObserverPlan, { kind: 'received-texts' }>): ResolvedTarget {
  const none: readonly string[] = [];
  return {
    name: 'observer',
    dialect: plan.dialect,
    baseUrl: plan.baseUrl,
    keyType: 'live',
    credentials: { apiKey: plan.apiKey },
    options: {},
    numbers: {
      delivered: none,
      temporaryFailure: none,
      permanentFailure: none,
      technicalFailure: none,
      smoke: none,
    },
    allowList: none,
    receiptDeadlineMs: 0,
    pollIntervalMs: 0,
    sender: {},
    keywords: {},
    countries: none,
    content: { samples: none },
  };
}
