import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP relay in front of a real PostgreSQL that can be frozen: while frozen it accepts
 * connections and takes bytes but passes nothing on in either direction, exactly what clients
 * see of a database whose process is stopped (SIGSTOP) or whose network has gone silent. Thawed,
 * it passes on what it held back, as a resumed process would.
 */
export type FreezableProxy = { port: number; url: (databaseUrl: string) => string; freeze: () => void; thaw: () => void; close: () => Promise<void> };

export async function startFreezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  let frozen = false;
  type Pair = { client: net.Socket; upstream: net.Socket; up: Buffer[]; down: Buffer[] };
  const pairs = new Set<Pair>();
  const flush = (p: Pair) => {
    for (const b of p.up.splice(0)) p.upstream.write(b);
    for (const b of p.down.splice(0)) p.client.write(b);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, upstream, up: [], down: [] };
    pairs.add(pair);
    // Bytes are held, not dropped, while frozen: a thawed database carries on where it stopped.
    client.on("data", (b: Buffer) => (frozen ? pair.up.push(b) : upstream.write(b)));
    upstream.on("data", (b: Buffer) => (frozen ? pair.down.push(b) : client.write(b)));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (databaseUrl) => {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const p of pairs) flush(p);
    },
    close: async () => {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
