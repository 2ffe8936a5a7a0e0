import type { Keyring } from './keyring.ts';

type Row = Record<string, unknown>;

/** A message's personal data: who it is for and what it says, and the client's reference. */
export interface MessageSecrets {
  readonly to: string;
  readonly number: string;
  readonly body: string;
  /** Left out when it equals `body`, which it nearly always does. */
  readonly wireBody?: string;
  /** Notify asks clients to keep personal data out of it; not every client does. */
  readonly reference: string | null;
}

export interface ReplySecrets {
  readonly handset: string;
  readonly body: string;
}

/** The sealed columns of a message row: payload, key id and the blind indexes lookups use. */
export function sealMessage(keyring: Keyring, id: string, secrets: MessageSecrets): Row {
  const { keyId, sealed } = keyring.seal(`message:${id}`, JSON.stringify(secrets));
  return {
    key_id: keyId,
    sealed,
    number_index: numberIndex(keyring, secrets.number),
    reference_index: secrets.reference === null ? null : referenceIndex(keyring, secrets.reference),
  };
}

export function openMessage(keyring: Keyring, row: Row): MessageSecrets {
  return JSON.parse(
    keyring.open(String(row.key_id), row.sealed as Buffer, `message:${String(row.id)}`),
  );
}

export function sealReply(keyring: Keyring, id: string, secrets: ReplySecrets): Row {
  const { keyId, sealed } = keyring.seal(`reply:${id}`, JSON.stringify(secrets));
  return { key_id: keyId, sealed, handset_index: numberIndex(keyring, secrets.handset) };
}

export function openReply(keyring: Keyring, row: Row): ReplySecrets {
  return JSON.parse(
    keyring.open(String(row.key_id), row.sealed as Buffer, `reply:${String(row.id)}`),
  );
}

/** Messages and replies share one index of numbers, so a handset's texts both ways line up. */
export function numberIndex(keyring: Keyring, number: string): Buffer {
  return keyring.index('number', number);
}

export function referenceIndex(keyring: Keyring, reference: string): Buffer {
  return keyring.index('reference', reference);
}
