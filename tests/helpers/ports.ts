/** Loopback ports for tests. */
import { createServer } from 'node:net';

/**
 * A loopback port free a moment ago: bound on port 0, then released. Nothing listens on it, so it
 * serves both tests that must name a port before starting a server and tests that need a refused
 * connection.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
