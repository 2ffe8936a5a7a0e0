import { SignJWT } from 'jose';
import type { NotifyKey } from './api-key.ts';

/** A fresh bearer token per request, as Notify's own clients make: HS256 over `iss` and `iat`. */
export async function notifyToken(key: NotifyKey, now = Date.now()): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(key.serviceId)
    .setIssuedAt(Math.floor(now / 1000))
    .sign(new TextEncoder().encode(key.secret));
}
