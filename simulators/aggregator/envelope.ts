import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The envelope's primitives: AES-256-GCM with a fresh 96-bit nonce for every sealing, and a
 * sealed value laid out as nonce ‖ ciphertext ‖ tag. The additional data binds a value to where
 * it belongs (a record's id, a data key's id), so a sealed value copied elsewhere fails to open.
 */
export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Throws when the key is wrong or the value was altered or moved (GCM's tag does not match). */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/**
 * A keyed blind index: equal inputs give equal indexes, so lookups work, but without the key
 * the index says nothing (and a 1,000-number fiction range cannot be tried against it).
 */
export function blindIndex(key: Buffer, kind: string, value: string): Buffer {
  return createHmac('sha256', key).update(`${kind}\0${value}`, 'utf8').digest().subarray(0, 16);
}

/** A short public name for a key-encryption key, derived from it one way. */
export function keyId(kek: Buffer): string {
  return createHmac('sha256', kek)
    .update('sms-assure key-encryption key id')
    .digest('hex')
    .slice(0, 16);
}
