import type { RouteResponse } from '../../aggregator/router.ts';
import type { SignedCall, SnsContext } from './context.ts';
import { queryResponse, xmlEscape } from './xml.ts';

/** `SetSMSAttributes`: `attributes.entry.N.key` and `.value`, all set or none. */
export function setSmsAttributes(context: SnsContext, call: SignedCall): RouteResponse {
  const values: Record<string, string> = {};
  for (let n = 1; call.form.has(`attributes.entry.${n}.key`); n++) {
    const key = call.form.get(`attributes.entry.${n}.key`) ?? '';
    values[key] = call.form.get(`attributes.entry.${n}.value`) ?? '';
  }
  context.attributes.set(values);

  const xml = queryResponse('SetSMSAttributes', '', call.requestId);
  return { status: 200, text: xml, contentType: 'text/xml' };
}

/** `GetSMSAttributes`: the names in `attributes.member.N`, or every attribute set. */
export function getSmsAttributes(context: SnsContext, call: SignedCall): RouteResponse {
  const names: string[] = [];
  for (let n = 1; call.form.has(`attributes.member.${n}`); n++) {
    names.push(call.form.get(`attributes.member.${n}`) ?? '');
  }
  const entries = Object.entries(context.attributes.get(names)).map(
    ([key, value]) =>
      `<entry><key>${xmlEscape(key)}</key><value>${xmlEscape(value)}</value></entry>`,
  );

  const result = `<attributes>${entries.join('')}</attributes>`;
  const xml = queryResponse('GetSMSAttributes', result, call.requestId);
  return { status: 200, text: xml, contentType: 'text/xml' };
}
