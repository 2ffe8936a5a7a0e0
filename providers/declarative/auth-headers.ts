import type { RequestAuthDescription } from './description.ts';
import { fill, type TemplateValues } from './template.ts';

/** The headers that carry a described credential on a request. */
export function authorizationHeaders(
  auth: RequestAuthDescription,
  values: TemplateValues,
): Record<string, string> {
  switch (auth.scheme) {
    case 'none':
      return {};
    case 'basic': {
      const user = fill(auth.username, values, 'auth.username');
      const pass = fill(auth.password, values, 'auth.password');
      return { authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
    }
    case 'bearer':
      return { authorization: `Bearer ${fill(auth.token, values, 'auth.token')}` };
    case 'header':
      return { [auth.name.toLowerCase()]: fill(auth.value, values, `auth.value`) };
  }
}
