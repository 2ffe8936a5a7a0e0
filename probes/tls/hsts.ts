import { request } from 'undici';
import { trusting } from '../../providers/http/trusted-agent.ts';
import { authority, type Endpoint } from './endpoint.ts';
import { emptyResult, type ProbeResult } from './probe-result.ts';

/** Half a year: a shorter one lets a browser forget between visits (preload asks for a year). */
export const HSTS_MIN_AGE_S = 15_768_000;
const TIMEOUT_MS = 5_000;

/**
 * Asks the API root over HTTPS and reads Strict-Transport-Security, which tells browsers and
 * careful clients never to fall back to plain HTTP. Any status will do: the header belongs on
 * every HTTPS response.
 */
export async function probeHsts(endpoint: Endpoint): Promise<ProbeResult> {
  const result = emptyResult();
  let header: string | string[] | undefined;
  try {
    const reply = await request(`https://${authority(endpoint)}/`, {
      ...trusting(endpoint.ca),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    await reply.body.dump();
    header = reply.headers['strict-transport-security'];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.warnings.push(`HSTS not checked: no HTTPS response could be read (${reason})`);
    return result;
  }

  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) {
    result.findings.push({
      code: 'hsts_missing',
      severity: 'medium',
      message: 'HTTPS responses carry no Strict-Transport-Security header',
      expected: `max-age=${HSTS_MIN_AGE_S} or more`,
      actual: 'no header',
    });
    return result;
  }

  result.notes.push(`Strict-Transport-Security: ${value}`);
  const maxAge = Number(/max-age\s*=\s*"?(\d+)"?/i.exec(value)?.[1] ?? Number.NaN);
  if (!(maxAge >= HSTS_MIN_AGE_S)) {
    result.findings.push({
      code: 'hsts_too_short',
      severity: 'low',
      message: 'Strict-Transport-Security lets clients forget it too soon',
      expected: `max-age=${HSTS_MIN_AGE_S} or more`,
      actual: value,
    });
  }
  return result;
}
