import { errors } from 'undici';

/**
 * Runs an idempotent read, and once more if the server closed the pooled connection as it was
 * reused ("other side closed"): that is the keep-alive race between a server's idle timeout and
 * the client's pool, not an answer. Any other failure, or a second one, is thrown as it is.
 */
export async function retryOnClosedSocket<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof errors.SocketError)) throw error;
    return read();
  }
}
