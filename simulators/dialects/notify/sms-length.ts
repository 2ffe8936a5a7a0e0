/**
 * Notify's length rules for a text (`notifications_utils` template maths): a limit of 918
 * characters, and fragments of 160/153 GSM characters or 70/67 when Welsh letters outside GSM
 * force UCS-2. Characters outside both sets are sent as `?`, so each counts once.
 */
export const SMS_CHAR_COUNT_LIMIT = 918;

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡' +
    'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€');
const WELSH = new Set('ÂâÊêÎîÔôÛûŴŵŶŷÁáÍíÓóÚúẀẁẂẃỲỳÈÌÒÙẄẅËëÏïŸÿ');

export function characterCount(body: string): number {
  return [...body].length;
}

export function fragmentCount(body: string): number {
  const characters = [...body];
  const ucs2 = characters.some((c) => WELSH.has(c) && !GSM_BASIC.has(c));
  if (ucs2) return characters.length <= 70 ? 1 : Math.ceil(characters.length / 67);

  const septets = characters.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}
