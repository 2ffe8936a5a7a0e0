import smpp, { type PDU } from 'smpp';
import { ConfigError, TransportError } from '../../core/errors.ts';
import { authority, type Endpoint } from './endpoint.ts';
import { merge, type ProbeResult } from './probe-result.ts';
import { probeTlsLayer, type TlsProbeOptions } from './probe-tls.ts';

/** How long a plain SMSC may take to answer one enquire_link. */
const ANSWER_MS = 5_000;

/**
 * ENC-01 for an SMSC: `smpps://` is probed as any TLS server is (versions, weak suites,
 * certificate); HSTS and plain HTTP mean nothing to SMPP and are not asked. `smpp://` carries
 * the bind's password, numbers and texts in clear: a finding once the SMSC is seen answering
 * SMPP in clear, never before (a tunnel the harness cannot see is the supplier's to attest).
 */
export async function probeSmppTls(
  baseUrl: string,
  options: TlsProbeOptions = {},
): Promise<ProbeResult> {
  const endpoint = smscEndpoint(baseUrl, options.ca ?? []);
  if (baseUrl.startsWith('smpps:')) {
    const layer = await probeTlsLayer(endpoint, options);
    const note = 'HSTS and plain HTTP are HTTP matters: not asked of an SMSC';
    return merge([layer, { findings: [], warnings: [], notes: [note] }]);
  }

  const answer = await enquireInClear(endpoint);
  return {
    findings: [
      {
        code: 'smpp_in_clear',
        severity: 'critical',
        message:
          'the SMSC speaks SMPP in clear: the bind password, numbers and texts cross unencrypted',
        expected: 'an smpps:// SMSC (SMPP over TLS)',
        actual: `${answer} in clear from smpp://${authority(endpoint)}`,
      },
    ],
    warnings: [],
    notes: [],
  };
}

function smscEndpoint(baseUrl: string, ca: readonly string[]): Endpoint {
  const match = /^smpps?:\/\/(.+):(\d+)$/.exec(baseUrl);
  if (!match?.[1] || !match[2]) {
    throw new ConfigError('target', [`baseUrl: expected smpp(s)://host:port, got '${baseUrl}'`]);
  }
  const host = match[1].replace(/^\[(.*)\]$/, '$1');
  return { scheme: 'https:', host, port: Number(match[2]), ca };
}

/**
 * Sends one enquire_link before any bind, which every SMSC must answer somehow (its response,
 * or a refusal such as ESME_RINVBNDSTS); any SMPP answer shows SMPP spoken in clear.
 */
async function enquireInClear(endpoint: Endpoint): Promise<string> {
  const where = `smpp://${authority(endpoint)}`;
  const session = smpp.connect({ host: endpoint.host, port: endpoint.port });
  session.on('error', () => undefined);

  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await new Promise<PDU>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ANSWER_MS} ms`)), ANSWER_MS);
      session.socket.once('close', () => reject(new Error('the connection closed')));
      session.on('connect', () => session.enquire_link({}, resolve));
    });
    return `${answer.command} (status 0x${answer.command_status.toString(16)})`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TransportError(`${where}: no SMPP answer to enquire_link (${reason})`);
  } finally {
    clearTimeout(timer);
    session.destroy();
  }
}
