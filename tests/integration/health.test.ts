import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/api/halsa/route";
import { databaseAnswers } from "@/lib/health";
import { freePort } from "../setup/free-port";

// /api/halsa for proxies and load balancers: 200 while the database answers, 503 quickly
// when it is down or frozen, and never a stored answer.

const testDatabase = process.env.DATABASE_URL!;
const connections = new Set<net.Socket>();

/** A server standing in for a frozen database; `handshake` lets the client connect first. */
function frozenDatabase(handshake: boolean): net.Server {
  return net.createServer((socket) => {
    connections.add(socket);
    socket.on("error", () => undefined);
    // Answer the startup message with "authenticated, ready for a query", then never again.
    if (handshake) socket.once("data", () => socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0, 0x5a, 0, 0, 0, 5, 0x49])));
    socket.resume();
  });
}
const silent = frozenDatabase(false);
const stuck = frozenDatabase(true);
const ports = { silent: 0, stuck: 0 };

beforeAll(async () => {
  for (const [name, server] of [["silent", silent], ["stuck", stuck]] as const) {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    ports[name] = (server.address() as net.AddressInfo).port;
  }
});

afterEach(() => {
  process.env.DATABASE_URL = testDatabase;
});

afterAll(async () => {
  for (const socket of connections) socket.destroy();
  await Promise.all([silent, stuck].map((server) => new Promise((resolve) => server.close(resolve))));
});

function at(port: number): string {
  const url = new URL(testDatabase);
  url.port = String(port);
  return url.toString();
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

describe("GET /api/halsa", () => {
  it("answers 200 ok, not to be stored, while the database answers", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 at once when nothing listens on the database's port", async () => {
    process.env.DATABASE_URL = at(await freePort());
    const { value: res, ms } = await timed(() => GET());
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "databasen svarar inte" });
    expect(ms).toBeLessThan(1000);
  });

  it("answers 503 after about two seconds when the database stops answering", async () => {
    process.env.DATABASE_URL = at(ports.stuck);
    const { value: res, ms } = await timed(() => GET());
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "databasen svarar inte" });
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(4000);
  });

  it("answers HEAD with the same status and headers and no body", async () => {
    const ok = await HEAD();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.text()).toBe("");
    process.env.DATABASE_URL = at(await freePort());
    expect((await HEAD()).status).toBe(503);
  });
});

describe("databaseAnswers", () => {
  for (const [name, what] of [["silent", "never answers the start-up"], ["stuck", "lets the client connect, then never answers the query"]] as const) {
    it(`gives up after its time-out on a database that ${what}, and closes the connection`, async () => {
      const before = connections.size;
      const { value, ms } = await timed(() => databaseAnswers(at(ports[name]), 300));
      expect(value).toBe(false);
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(1000);
      expect(connections.size).toBe(before + 1);
      const socket = [...connections].at(-1)!;
      await expect.poll(() => socket.readyState).toBe("closed");
    });
  }

  it("is false without a database URL", async () => {
    expect(await databaseAnswers(undefined)).toBe(false);
  });
});
