import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

const agents = new Map<string, Agent>();

/**
 * An undici agent that trusts the system's authorities and the given ones (PEM), such as the
 * authority a simulator or the callback receiver made at start. Verification stays on: a
 * certificate from anyone else is refused. One agent per set of authorities, so connections
 * are pooled. Undefined when there is nothing to add to the system's trust.
 */
export function trustingAgent(ca: readonly string[] | undefined): Agent | undefined {
  if (!ca || ca.length === 0) return undefined;

  const key = ca.join('\n');
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { ca: [...rootCertificates, ...ca] } });
    agents.set(key, agent);
  }
  return agent;
}

/** undici request options that trust `ca`, to spread into a call. */
export function trusting(ca: readonly string[] | undefined): { dispatcher?: Agent } {
  const agent = trustingAgent(ca);
  return agent ? { dispatcher: agent } : {};
}
