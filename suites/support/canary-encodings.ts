/**
 * The forms a canary could take on disk. A store that kept a value unencrypted may have written
 * it as text in any of the usual encodings, or as hex or base64 of its UTF-8 bytes; base64 is
 * tried at each of its three alignments, since the value may sit anywhere inside a longer run.
 */
export interface EncodedForm {
  readonly encoding: string;
  readonly bytes: Buffer;
}

/** Shorter forms could turn up in random bytes by chance; canaries are far longer. */
const SHORTEST = 8;

export function encodedForms(text: string): EncodedForm[] {
  const utf8 = Buffer.from(text, 'utf8');
  const hex = utf8.toString('hex');
  const forms: EncodedForm[] = [
    { encoding: 'UTF-8', bytes: utf8 },
    { encoding: 'UTF-16LE', bytes: Buffer.from(text, 'utf16le') },
    { encoding: 'UTF-16BE', bytes: Buffer.from(text, 'utf16le').swap16() },
    { encoding: 'hex', bytes: Buffer.from(hex, 'latin1') },
    { encoding: 'HEX', bytes: Buffer.from(hex.toUpperCase(), 'latin1') },
  ];

  for (const skip of [0, 1, 2]) {
    const aligned = utf8.subarray(skip, skip + Math.floor((utf8.length - skip) / 3) * 3);
    const base64 = aligned.toString('base64');
    const base64url = aligned.toString('base64url');
    forms.push({ encoding: `base64 (offset ${skip})`, bytes: Buffer.from(base64, 'latin1') });
    if (base64url !== base64) {
      forms.push({
        encoding: `base64url (offset ${skip})`,
        bytes: Buffer.from(base64url, 'latin1'),
      });
    }
  }
  return forms.filter((form) => form.bytes.length >= SHORTEST);
}

/** A number's spellings: E.164, its digits alone, the national forms with and without a space. */
export function numberSpellings(e164: string): { readonly name: string; readonly text: string }[] {
  const digits = e164.replace(/\D/g, '');
  const spellings = [
    { name: 'E.164', text: `+${digits}` },
    { name: 'international digits', text: digits },
  ];
  if (digits.startsWith('44')) {
    const national = `0${digits.slice(2)}`;
    spellings.push(
      { name: 'national', text: national },
      { name: 'national, spaced', text: `${national.slice(0, 5)} ${national.slice(5)}` },
    );
  }
  return spellings;
}
