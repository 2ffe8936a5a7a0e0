import { webcrypto } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { authError } from './errors.ts';
import type { ApiKey, NotifyService } from './service.ts';
import { parseUuid } from './uuid.ts';

/** Notify accepts a token whose `iat` is within this many seconds of its own clock. */
const CLOCK_BOUND_S = 30;

const GENERAL =
  'Invalid token: make sure your API token matches the example at ' +
  'https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header';
const CLOCK = 'Error: Your system clock must be accurate to within 30 seconds';

/**
 * Tokens that passed, with their caller: clients reuse a token for up to a second, so this
 * saves decoding and HMACs. Only the clock check is made again.
 */
const MAX_REMEMBERED_TOKENS = 1_024;

export interface Caller {
  readonly service: NotifyService;
  readonly key: ApiKey;
}

interface VerifierKey {
  readonly key: ApiKey;
  readonly cryptoKey: webcrypto.CryptoKey;
}

interface Remembered {
  readonly caller: Caller;
  readonly claims: JWTPayload;
}

/**
 * Checks `Authorization: Bearer <JWT>` the way Notify's API does, in the same order and with the
 * same messages: scheme, `iss`, service, algorithm, then each of the service's keys in turn.
 * Signatures are verified with jose; the clock check uses the real wall clock.
 */
export class NotifyAuthenticator {
  readonly #services: ReadonlyMap<string, { service: NotifyService; keys: VerifierKey[] }>;
  readonly #verified = new Map<string, Remembered>();

  private constructor(services: Map<string, { service: NotifyService; keys: VerifierKey[] }>) {
    this.#services = services;
  }

  static async create(services: readonly NotifyService[]): Promise<NotifyAuthenticator> {
    const byId = new Map<string, { service: NotifyService; keys: VerifierKey[] }>();
    for (const service of services) {
      // Active keys first: they are the ones clients use, so most requests verify at once.
      const ordered = [...service.keys].sort((a, b) => Number(a.revoked) - Number(b.revoked));
      const keys = await Promise.all(
        ordered.map(async (key) => ({ key, cryptoKey: await importSecret(key.secret) })),
      );
      byId.set(service.serviceId, { service, keys });
    }
    return new NotifyAuthenticator(byId);
  }

  /** The calling service and key; otherwise throws the NotifyApiError (AuthError) to send back. */
  async authenticate(header: string | undefined): Promise<Caller> {
    if (!header) throw authError(401, 'Unauthorized: authentication token must be provided');
    if (header.slice(0, 7).toLowerCase() !== 'bearer ') {
      throw authError(401, 'Unauthorized: authentication bearer scheme must be used');
    }
    const token = header.slice(7);

    const remembered = this.#verified.get(token);
    if (remembered) {
      checkClaims(remembered.claims);
      return remembered.caller;
    }

    const { claims, alg } = readUnverified(token);
    if (!('iss' in claims)) throw authError(403, 'Invalid token: iss field not provided');

    const serviceId = parseUuid(claims.iss);
    if (!serviceId) throw authError(403, 'Invalid token: service id is not the right data type');

    const entry = this.#services.get(serviceId);
    if (!entry) throw authError(403, 'Invalid token: service not found');

    // The algorithm is checked against the first key, before any signature: same answer for all.
    if (alg !== 'HS256') throw authError(403, 'Invalid token: algorithm used is not HS256');

    const key = await matchingKey(token, claims, entry.keys);
    if (!key) throw authError(403, 'Invalid token: API key not found');

    if (key.revoked) throw authError(403, 'Invalid token: API key revoked');
    const caller = { service: entry.service, key };
    this.#remember(token, { caller, claims });
    return caller;
  }

  #remember(token: string, remembered: Remembered): void {
    if (this.#verified.size >= MAX_REMEMBERED_TOKENS) this.#verified.clear();
    this.#verified.set(token, remembered);
  }
}

function readUnverified(token: string): { claims: JWTPayload; alg: unknown } {
  try {
    return { claims: decodeJwt(token), alg: decodeProtectedHeader(token).alg };
  } catch {
    throw authError(403, GENERAL);
  }
}

/** The first key that verifies the signature with claims that do not send Notify on. */
async function matchingKey(
  token: string,
  claims: JWTPayload,
  keys: readonly VerifierKey[],
): Promise<ApiKey | undefined> {
  for (const candidate of keys) {
    if (!(await verifies(token, candidate.cryptoKey))) continue;
    if (checkClaims(claims) === 'next-key') continue;
    return candidate.key;
  }
  return undefined;
}

async function verifies(token: string, key: webcrypto.CryptoKey): Promise<boolean> {
  try {
    await compactVerify(token, key, { algorithms: ['HS256'] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The claim checks PyJWT and Notify's client library make once a signature verified. Problems
 * that the Python code treats as "not signed with this key" make it try the next key, so a token
 * without `iat` ends as "API key not found"; time problems are answered at once.
 */
function checkClaims(claims: JWTPayload): 'ok' | 'next-key' {
  const now = Math.floor(Date.now() / 1000);

  if ('iat' in claims) {
    const iat = pythonInt(claims.iat);
    if (iat === undefined || iat > now + CLOCK_BOUND_S) throw authError(403, CLOCK);
  }
  if ('nbf' in claims) {
    const nbf = pythonInt(claims.nbf);
    if (nbf === undefined) return 'next-key';
    if (nbf > now + CLOCK_BOUND_S) throw authError(403, CLOCK);
  }
  if ('exp' in claims) {
    const exp = pythonInt(claims.exp);
    if (exp === undefined) return 'next-key';
    if (exp <= now - CLOCK_BOUND_S) throw authError(403, GENERAL);
  }

  const iat = pythonInt(claims.iat);
  if (iat === undefined) return 'next-key';
  if (now > iat + CLOCK_BOUND_S) throw authError(403, CLOCK);
  return 'ok';
}

/** Python's `int(value)` for JSON values: truncates numbers, parses digit strings. */
function pythonInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value.trim());
  return undefined;
}

async function importSecret(secret: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}
