import type { RouteRequest } from '../../aggregator/router.ts';
import { invalid } from './refusal.ts';

/**
 * The parameters of a `POST /sms/json`, whichever way they came: the documented form fields, or
 * the JSON with kebab-case keys the current SDK sends. JSON booleans and numbers are read as the
 * text a form would carry.
 */
export function smsParams(request: RouteRequest): Record<string, string> {
  const type = String(request.headers['content-type'] ?? '');
  const raw = request.body.toString('utf8');
  if (!type.includes('application/json')) {
    return {
      ...Object.fromEntries(request.query),
      ...Object.fromEntries(new URLSearchParams(raw)),
    };
  }

  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw invalid('JSON body: it cannot be parsed');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid('JSON body: expected an object of parameters');
  }

  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) {
    if (value !== null && typeof value !== 'object') params[name] = String(value);
  }
  return params;
}

/** `status-report-req` asks for a receipt unless it is false or 0. @default true */
export function wantsReport(params: Record<string, string>): boolean {
  const value = params['status-report-req'];
  return value === undefined || !['false', '0'].includes(value.toLowerCase());
}
