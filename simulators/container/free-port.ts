import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now. With host networking the container's port is
 * the host's, so one must be chosen before the container starts; another process could take it
 * in between, in which case the simulator fails to bind and says so in its output.
 */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('a loopback listener reported no port');
  }
  return address.port;
}
