import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Redis from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../setup/free-port";

// The page cache shared through a real Redis (Debian's redis-server on a loopback port), with
// each "process" a fresh copy of the handler module and its own in-memory state, as every
// `next start` has: what one stores another serves, an invalidation anywhere expires it
// everywhere, and Redis going away never makes a request wait or loses an invalidation.

type Handler = {
  get(key: string, ctx?: object): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, value: unknown, ctx?: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: object): Promise<void>;
};
type Link = { inSync: boolean; disconnect(): void };
type Process = { handler: Handler; link: () => Promise<Link | null> };

const page = (tags: string[], html = "<p>Nyheter</p>") => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from("rsc"),
  status: 200,
  headers: { "x-next-cache-tags": tags.join(",") },
  segmentData: new Map([["/_index", Buffer.from("seg")]]),
});
const tick = () => new Promise((r) => setTimeout(r, 2));

let tmp: string;
let port: number;
let server: ChildProcess | undefined;
let raw: Redis;
const links: Link[] = [];
const savedEnv = { REDIS_URL: process.env.REDIS_URL, NEXT_PHASE: process.env.NEXT_PHASE };

function startRedis(onPort: number): Promise<ChildProcess> {
  const child = spawn("/usr/bin/redis-server", ["--port", String(onPort), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"]);
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code})`)));
  });
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** A build folder as `next build` leaves it, with the given BUILD_ID. */
async function build(id: string): Promise<string> {
  const dir = path.join(tmp, id);
  await mkdir(path.join(dir, "server"), { recursive: true });
  await writeFile(path.join(dir, "BUILD_ID"), id);
  return path.join(dir, "server");
}

/** A new server process as far as the handler can tell: fresh module, fresh state. */
async function startProcess(opts: { buildId?: string; redisUrl?: string; phase?: string } = {}): Promise<Process> {
  const g = globalThis as { __nlnCache?: { redis: Promise<Link | null> | null } };
  delete g.__nlnCache;
  vi.resetModules();
  process.env.REDIS_URL = opts.redisUrl ?? `redis://127.0.0.1:${port}`;
  if (opts.phase) process.env.NEXT_PHASE = opts.phase;
  else delete process.env.NEXT_PHASE;
  // @ts-expect-error plain JavaScript module, loaded by Next without compiling
  const { default: CacheHandler } = await import("../../lib/cache-handler/cache-handler.mjs");
  const handler = new CacheHandler({ serverDistDir: await build(opts.buildId ?? "build-1") }) as Handler;
  const state = g.__nlnCache!;
  const link = async () => {
    const made = await state.redis;
    if (made && !links.includes(made)) links.push(made);
    return made;
  };
  await link();
  return { handler, link };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "nn-page-cache-"));
  port = await freePort();
  server = await startRedis(port);
  raw = new Redis(port, "127.0.0.1");
  // It is down on purpose for a while below; the handler's own connections report that.
  raw.on("error", () => {});
});

afterEach(() => {
  for (const link of links.splice(0)) link.disconnect();
});

afterAll(async () => {
  raw.disconnect();
  await stopRedis(server);
  await rm(tmp, { recursive: true, force: true });
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the page cache shared through Redis", () => {
  it("serves a page stored by one process from another, until any process invalidates a tag it carries", async () => {
    const a = await startProcess();
    const b = await startProcess();
    await a.handler.get("/nyheter");
    await a.handler.set("/nyheter", page(["stories"]));
    const shared = await b.handler.get("/nyheter");
    expect(shared?.value).toMatchObject({ kind: "APP_PAGE", html: "<p>Nyheter</p>" });
    expect((shared?.value as { rscData: Buffer }).rscData.toString()).toBe("rsc");

    await tick();
    await a.handler.revalidateTag("stories");
    // b holds the page in its own memory now: only the published invalidation can expire it.
    await vi.waitFor(async () => expect(await b.handler.get("/nyheter")).toBeNull(), { timeout: 1000, interval: 5 });
  });

  it("knows, in a process started later, of every invalidation made before it started", async () => {
    const a = await startProcess();
    await a.handler.get("/kommuner/lerum");
    await a.handler.set("/kommuner/lerum", page(["org:lerum"]));
    await tick();
    await a.handler.revalidateTag("org:lerum");
    const later = await startProcess();
    expect(await later.handler.get("/kommuner/lerum")).toBeNull();
  });

  it("never serves another build's entries, but shares invalidations with it", async () => {
    const old = await startProcess({ buildId: "build-1" });
    const deployed = await startProcess({ buildId: "build-2" });
    await old.handler.get("/amnen/foretagsklimat");
    await old.handler.set("/amnen/foretagsklimat", page(["topic:foretagsklimat"]));
    expect(await deployed.handler.get("/amnen/foretagsklimat")).toBeNull();

    await tick();
    await deployed.handler.revalidateTag("topic:foretagsklimat");
    await vi.waitFor(async () => expect(await old.handler.get("/amnen/foretagsklimat")).toBeNull(), { timeout: 1000, interval: 5 });
  });

  it("is not used by `next build`, whose renders come from the build machine's database", async () => {
    const before = await raw.dbsize();
    const building = await startProcess({ phase: "phase-production-build" });
    expect(await building.link()).toBeNull();
    await building.handler.get("/om");
    await building.handler.set("/om", page(["page:om"]));
    await building.handler.revalidateTag("page:om");
    expect(await raw.dbsize()).toBe(before);
    expect(await raw.hget("nln:tags", "page:om")).toBeNull();
  });

  it("keeps serving while Redis is down, keeps the invalidations made meanwhile, and applies them everywhere once it is back", async () => {
    const a = await startProcess();
    const b = await startProcess();
    await a.handler.get("/personer/pia-areblad");
    await a.handler.set("/personer/pia-areblad", page(["person:pia-areblad"]));
    expect(await b.handler.get("/personer/pia-areblad")).not.toBeNull();

    await stopRedis(server);
    await vi.waitFor(async () => expect((await a.link())!.inSync || (await b.link())!.inSync).toBe(false));
    await tick();
    // Neither an invalidation nor a read waits for the missing Redis.
    let started = performance.now();
    await a.handler.revalidateTag("person:pia-areblad");
    expect(performance.now() - started).toBeLessThan(100);
    started = performance.now();
    expect(await b.handler.get("/personer/ingen-annan")).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);

    // Redis comes back empty (no persistence): a sends what it kept, b learns of it.
    server = await startRedis(port);
    await vi.waitFor(async () => expect(await b.handler.get("/personer/pia-areblad")).toBeNull(), { timeout: 10_000, interval: 20 });
    expect(Number(await raw.hget("nln:tags", "person:pia-areblad"))).toBeGreaterThan(0);
  });

  it("starts while Redis is unreachable without piling up connections, and shares once it is there", async () => {
    const laterPort = await freePort();
    const early = await startProcess({ redisUrl: `redis://127.0.0.1:${laterPort}` });
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect(await early.handler.get(`/nyheter/arkivnyhet-${i}`)).toBeNull();
      await early.handler.set(`/nyheter/arkivnyhet-${i}`, page([`story:arkivnyhet-${i}`]));
      // Only the very first request waits, briefly, for the connection.
      if (i > 0) expect(performance.now() - started).toBeLessThan(100);
    }
    expect(await early.handler.get("/nyheter/arkivnyhet-3")).not.toBeNull();

    const late = await startRedis(laterPort);
    try {
      await vi.waitFor(async () => expect((await early.link())!.inSync).toBe(true), { timeout: 10_000, interval: 20 });
      const asker = new Redis(laterPort, "127.0.0.1");
      const clients = String(await asker.client("LIST").finally(() => asker.disconnect()));
      // Its two connections (entries, invalidations) and the one that asked.
      expect(clients.trim().split("\n")).toHaveLength(3);
    } finally {
      for (const link of links.splice(0)) link.disconnect();
      await stopRedis(late);
    }
  });
});
