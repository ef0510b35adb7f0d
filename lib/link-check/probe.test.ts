import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowLoopback, startHttpServer } from "@/tests/setup/http-server";
import { probeUrl } from "./probe";

// Against a real HTTP server on loopback, which the tests allow (the default refuses it).

let server: Awaited<ReturnType<typeof startHttpServer>>;
let base: string;
const heads: string[] = [];
const loopbackOnly = { allowAddress: allowLoopback, timeoutMs: 500 };

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const path = req.url ?? "/";
    if (req.method === "HEAD") heads.push(path);
    if (path === "/ok") return res.writeHead(200).end("ok");
    if (path === "/borta") return res.writeHead(404).end();
    if (path === "/trasig") return res.writeHead(500).end();
    if (path === "/slinga-a") return res.writeHead(302, { location: "/slinga-b" }).end();
    if (path === "/slinga-b") return res.writeHead(301, { location: `${base}/slinga-a` }).end();
    if (path === "/flyttad") return res.writeHead(308, { location: "/ok" }).end();
    if (path === "/inat") return res.writeHead(302, { location: "http://10.0.0.7/intranat" }).end();
    if (path === "/ftp") return res.writeHead(302, { location: "ftp://example.org/fil" }).end();
    if (path === "/bara-get") return req.method === "HEAD" ? res.writeHead(405).end() : res.writeHead(200).end("ok");
    if (path === "/tyst") return; // never answers
    res.writeHead(400).end();
  });
  base = server.base;
});
afterAll(() => server.close());

describe("probeUrl", () => {
  it("calls 200 fine, and follows a redirect to it", async () => {
    expect(await probeUrl(`${base}/ok`, loopbackOnly)).toEqual({ ok: true, status: 200, problem: null });
    expect(await probeUrl(`${base}/flyttad`, loopbackOnly)).toEqual({ ok: true, status: 200, problem: null });
  });

  it("says what is wrong with 404, 500, a redirect loop and a server that does not answer", async () => {
    expect(await probeUrl(`${base}/borta`, loopbackOnly)).toEqual({ ok: false, status: 404, problem: "Sidan finns inte (404)" });
    expect(await probeUrl(`${base}/trasig`, loopbackOnly)).toEqual({ ok: false, status: 500, problem: "Fel hos servern (500)" });
    expect(await probeUrl(`${base}/slinga-a`, loopbackOnly)).toMatchObject({ ok: false, problem: "Omdirigerar i en slinga" });
    expect(await probeUrl(`${base}/tyst`, loopbackOnly)).toMatchObject({ ok: false, problem: "Svarar inte inom 1 sekund" });
  });

  it("asks with GET when HEAD is refused", async () => {
    expect(await probeUrl(`${base}/bara-get`, loopbackOnly)).toEqual({ ok: true, status: 200, problem: null });
    expect(heads).toContain("/bara-get");
  });

  it("never connects to private addresses: loopback by default, a redirect inwards, a name that resolves inwards", async () => {
    const before = heads.length;
    expect(await probeUrl(`${base}/ok`)).toMatchObject({ ok: false, problem: "Adressen pekar på ett internt nät och kontrolleras inte" });
    expect(await probeUrl(`http://localhost:${new URL(base).port}/ok`)).toMatchObject({ ok: false, problem: "Adressen pekar på ett internt nät och kontrolleras inte" });
    expect(heads.length).toBe(before);
    expect(await probeUrl(`${base}/inat`, loopbackOnly)).toMatchObject({ ok: false, problem: "Adressen pekar på ett internt nät och kontrolleras inte" });
  });

  it("checks only http and https", async () => {
    expect(await probeUrl(`${base}/ftp`, loopbackOnly)).toMatchObject({ ok: false, problem: "Leder till en adress som inte är http eller https" });
    expect(await probeUrl("javascript:alert(1)", loopbackOnly)).toMatchObject({ ok: false });
  });
});
