import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on loopback for tests of code that fetches other sites (the link check).

/** The link check refuses private addresses; tests that talk to this server allow loopback. */
export const allowLoopback = (address: string) => address === "127.0.0.1" || address === "::ffff:127.0.0.1";

export async function startHttpServer(handler: RequestListener): Promise<{ base: string; close: () => void }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
