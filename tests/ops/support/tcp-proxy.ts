import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy between the app and PostgreSQL that a test can cut and restore, so faults are simulated without
 * stopping the machine's PostgreSQL server (other suites use it). Cut: every open connection is destroyed and new
 * connections are refused (the listener closes); restore: it listens on the same port again.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = createConnection(target.port, target.host);
        sockets.add(client).add(upstream);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", end).on("close", end);
        upstream.on("error", end).on("close", end);
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        const address = next.address();
        if (typeof address === "object" && address) port = address.port;
        server = next;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    /** Destroys every connection and refuses new ones, like a database that went away. */
    async cut() {
      const current = server;
      server = undefined;
      const closed = new Promise<void>((resolve) => (current ? current.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
    /** The database is back: accept connections again on the same port. */
    async restore() {
      if (!server) await listen();
    },
  };
}
