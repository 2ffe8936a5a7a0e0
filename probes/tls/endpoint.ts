import { isIP } from 'node:net';
import { ConfigError } from '../../core/errors.ts';

/** Where a target's API listens, and what the probe trusts there. */
export interface Endpoint {
  /** `https:` or `http:`, as the target's base URL says. */
  readonly scheme: 'https:' | 'http:';
  /** Without the brackets an IPv6 literal has in a URL. */
  readonly host: string;
  readonly port: number;
  /** Authorities (PEM) trusted besides the system's. */
  readonly ca: readonly string[];
}

/** The endpoint of a base URL; anything but http(s) is bad configuration. */
export function endpointOf(baseUrl: string, ca: readonly string[] = []): Endpoint {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError('target', [`baseUrl: '${baseUrl}' is not a URL`]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('target', [`baseUrl: expected http(s), got ${url.protocol}`]);
  }

  const scheme = url.protocol;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : scheme === 'https:' ? 443 : 80;
  return { scheme, host, port, ca };
}

/** SNI carries names only (RFC 6066): an address is left out. */
export function serverName(endpoint: Endpoint): { servername?: string } {
  return isIP(endpoint.host) ? {} : { servername: endpoint.host };
}

/** `host:port` as a URL writes it. */
export function authority(endpoint: Endpoint): string {
  const host = isIP(endpoint.host) === 6 ? `[${endpoint.host}]` : endpoint.host;
  return `${host}:${endpoint.port}`;
}
