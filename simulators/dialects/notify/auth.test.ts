import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { call, notifyToken, splitKey } from '../../test-support/notify-http.ts';

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
});

afterAll(async () => {
  await simulator.stop();
});

const now = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>, secret: string, alg = 'HS256'): Promise<string> {
  // jose wants an HS512 key of 64 bytes or more; the secret written twice is one.
  const key = new TextEncoder().encode(alg === 'HS512' ? secret + secret : secret);
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

async function listWith(authorization?: string) {
  const reply = await call(simulator, 'GET', '/v2/notifications', {
    ...(authorization !== undefined && { authorization }),
  });
  return { status: reply.status, json: reply.json };
}

function authError(status: number, message: string) {
  return { status, json: { status_code: status, errors: [{ error: 'AuthError', message }] } };
}

describe('JWT authentication, as Notify checks it', () => {
  test('accepts a token signed with a key of the service', async () => {
    const token = await notifyToken(simulator.notify.liveKey);
    expect((await listWith(`Bearer ${token}`)).status).toBe(200);
  });

  test('reads the scheme without regard to case, as Python title() does', async () => {
    const token = await notifyToken(simulator.notify.teamKey);
    expect((await listWith(`bearer ${token}`)).status).toBe(200);
  });

  test('accepts a client clock that is off by less than 30 seconds either way', async () => {
    const late = await notifyToken(simulator.notify.testKey, -25);
    const early = await notifyToken(simulator.notify.testKey, 25);
    expect((await listWith(`Bearer ${late}`)).status).toBe(200);
    expect((await listWith(`Bearer ${early}`)).status).toBe(200);
  });

  test('401 without an Authorization header', async () => {
    expect(await listWith()).toEqual(
      authError(401, 'Unauthorized: authentication token must be provided'),
    );
  });

  test('401 for a scheme other than Bearer', async () => {
    expect(await listWith('Basic dXNlcjpwYXNz')).toEqual(
      authError(401, 'Unauthorized: authentication bearer scheme must be used'),
    );
  });

  test('403 when the token has no iss', async () => {
    const { secret } = splitKey(simulator.notify.testKey);
    const token = await sign({ iat: now() }, secret);
    expect(await listWith(`Bearer ${token}`)).toEqual(
      authError(403, 'Invalid token: iss field not provided'),
    );
  });

  test('403 when iss is not a UUID', async () => {
    const { secret } = splitKey(simulator.notify.testKey);
    const token = await sign({ iss: 'my-service', iat: now() }, secret);
    expect(await listWith(`Bearer ${token}`)).toEqual(
      authError(403, 'Invalid token: service id is not the right data type'),
    );
  });

  test('403 when no service has that id', async () => {
    const { secret } = splitKey(simulator.notify.testKey);
    const token = await sign({ iss: randomUUID(), iat: now() }, secret);
    expect(await listWith(`Bearer ${token}`)).toEqual(
      authError(403, 'Invalid token: service not found'),
    );
  });

  test('403 when iat is more than 30 seconds in the past or the future', async () => {
    const stale = await notifyToken(simulator.notify.testKey, -35);
    const ahead = await notifyToken(simulator.notify.testKey, 45);
    const expected = authError(
      403,
      'Error: Your system clock must be accurate to within 30 seconds',
    );
    expect(await listWith(`Bearer ${stale}`)).toEqual(expected);
    expect(await listWith(`Bearer ${ahead}`)).toEqual(expected);
  });

  test('403 when the algorithm is not HS256', async () => {
    const { serviceId, secret } = splitKey(simulator.notify.testKey);
    const hs512 = await sign({ iss: serviceId, iat: now() }, secret, 'HS512');
    const none = new UnsecuredJWT({ iss: serviceId, iat: now() }).encode();
    const expected = authError(403, 'Invalid token: algorithm used is not HS256');
    expect(await listWith(`Bearer ${hs512}`)).toEqual(expected);
    expect(await listWith(`Bearer ${none}`)).toEqual(expected);
  });

  test('403 when no key of the service signed the token', async () => {
    const { serviceId } = splitKey(simulator.notify.testKey);
    const token = await sign({ iss: serviceId, iat: now() }, randomUUID());
    expect(await listWith(`Bearer ${token}`)).toEqual(
      authError(403, 'Invalid token: API key not found'),
    );
  });

  test('403 API key not found for a token without iat, as Notify tries the next key', async () => {
    const { serviceId, secret } = splitKey(simulator.notify.testKey);
    const token = await sign({ iss: serviceId }, secret);
    expect(await listWith(`Bearer ${token}`)).toEqual(
      authError(403, 'Invalid token: API key not found'),
    );
  });

  test('403 with the general message for a token that is not a JWT', async () => {
    expect(await listWith('Bearer not-a-token')).toEqual(
      authError(
        403,
        'Invalid token: make sure your API token matches the example at ' +
          'https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header',
      ),
    );
  });
});
