import { readFileSync } from "node:fs";
import net from "node:net";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import pg from "pg";
import { TEST_EDITOR } from "./test-accounts";

// Hostile and unusual requests against the real server (issue: hardening). The site runs in
// local mode at http://127.0.0.1:PORT, with no TRUSTED_PROXIES.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function recordedAddress(email: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
  await client.connect();
  try {
    const { rows } = await client.query<{ ip: string }>("SELECT ip FROM sign_in_attempt WHERE email = $1", [email]);
    return rows[0]?.ip;
  } finally {
    await client.end();
  }
}

test("a client cannot choose the address its sign-in attempts are counted under", async ({ baseURL }) => {
  const email = `spoof-${unique()}@test.local`;
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post("/api/auth/sign-in/email", {
    data: { email, password: "ett-felaktigt-losenord" },
    // Every header an app might read an address from, and the one server.mjs sets itself.
    headers: { origin: baseURL!, "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8", "x-nln-client-address": "203.0.113.9" },
  });
  await api.dispose();
  expect(res.status()).toBe(401);
  expect(await recordedAddress(email)).toBe("127.0.0.1");
});

test("in local mode the newsroom signs in at another address of this machine", async ({ browser, baseURL }) => {
  // The site's SITE_URL says 127.0.0.1; the browser uses localhost, as someone typing it would.
  const other = baseURL!.replace("127.0.0.1", "localhost");
  expect(other).not.toBe(baseURL);
  const context = await browser.newContext({ baseURL: other });
  const page = await context.newPage();
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(TEST_EDITOR.email);
  await page.getByLabel("Lösenord", { exact: true }).fill(TEST_EDITOR.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(`${other}/admin`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

/** One raw HTTP/1.1 request, for what no client library will send; the status line's code. */
function rawStatus(baseURL: string, requestLine: string): Promise<number> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.setEncoding("latin1").on("data", (d) => (data += d));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

test("a path that does not decode answers the whole 404 page, never a 500", async ({ request }) => {
  for (const path of ["/nyheter/%zz", "/nyheter/%C3", "/kommuner/a%", "/media/%zz", "/amnen/%E2%82/sida/2"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    const html = await res.text();
    expect(html, path).toMatch(/<main[\s>]/);
    expect(html, path).toMatch(/<h1[^>]*>[^<]*finns inte/i);
  }
});

test("methods and targets the site does not serve get 405 and 400", async ({ request, baseURL }) => {
  for (const method of ["TRACE", "PUT", "DELETE", "PATCH"]) {
    const res = await request.fetch("/robots.txt", { method });
    expect(res.status(), method).toBe(405);
    expect(res.headers()["allow"]).toBe("GET, HEAD, POST");
  }
  expect((await request.fetch("/nyheter", { method: "OPTIONS" })).status()).toBe(204);
  expect(await rawStatus(baseURL!, "GET * HTTP/1.1")).toBe(400);
  expect(await rawStatus(baseURL!, "TRACE /robots.txt HTTP/1.1")).toBe(405);
});

test("a server action from another site is refused with 403", async ({ request }) => {
  const res = await request.post("/logga-in", {
    headers: { origin: "https://angripare.example", "next-action": "0000000000000000000000000000000000000000" },
    multipart: { email: "x@test.local", password: "x" },
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain("annan webbplats");
});

test("a NUL byte or half an emoji in the search parameters still answers a search", async ({ request }) => {
  for (const query of ["q=ny&lan=%00x", "q=%00", "q=f%ED%A0%BDretag", "q=ny&kommun=%00"]) {
    const res = await request.get(`/sok?${query}`);
    expect(res.status(), query).toBe(200);
  }
});

const scriptSrc = (policy: string | undefined) => /(?:^|;\s*)script-src ([^;]*)/.exec(policy ?? "")?.[1] ?? "";

test("pages rendered per request allow only scripts with this request's nonce", async ({ request, page }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/logga-in");
    expect(res.status()).toBe(200);
    const src = scriptSrc(res.headers()["content-security-policy"]);
    expect(src).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(src)?.[1];
    // 16 random bytes in base64 (lib/csp.ts newNonce).
    expect(nonce, src).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    nonces.push(nonce!);
    // Every script Next wrote carries it.
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  // And the page works under it: the sign-in form hydrates and answers a wrong password in Swedish.
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("ingen@test.local");
  await page.getByLabel("Lösenord", { exact: true }).fill("fel-losenord-som-ar-langt");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Fel e-postadress eller lösenord.")).toBeVisible();
  expect(blocked).toEqual([]);
});

test("stored public pages keep one policy for every reader, with reports", async ({ request }) => {
  const res = await request.get("/nyheter");
  const policy = res.headers()["content-security-policy"];
  expect(scriptSrc(policy)).toBe("'self' 'unsafe-inline'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("report-uri /api/csp-rapport");
});

test("the CSP report endpoint takes reports and refuses anything else", async ({ request }) => {
  const report = { "csp-report": { "document-uri": "http://127.0.0.1/admin", "violated-directive": "script-src", "blocked-uri": "inline" } };
  const ok = await request.post("/api/csp-rapport", { headers: { "content-type": "application/csp-report" }, data: JSON.stringify(report) });
  expect(ok.status()).toBe(204);
  expect((await request.post("/api/csp-rapport", { headers: { "content-type": "text/plain" }, data: "x" })).status()).toBe(415);
  expect((await request.post("/api/csp-rapport", { headers: { "content-type": "application/csp-report" }, data: "{not json" })).status()).toBe(400);
  expect((await request.post("/api/csp-rapport", { headers: { "content-type": "application/csp-report" }, data: "x".repeat(20_000) })).status()).toBe(413);
});

test("a form body that is not what its Content-Type says, or an action this build lacks, gets a 4xx", async ({ request }) => {
  const post = (headers: Record<string, string>, data: string) => request.post("/logga-in", { headers, data });
  expect((await post({ "content-type": "multipart/form-data" }, "garbage")).status()).toBe(400);
  expect((await post({ "content-type": "multipart/form-data; boundary=x" }, "--x\r\nbroken")).status()).toBe(400);
  expect((await post({ "content-type": "multipart/form-data; boundary=x" }, "not even the start")).status()).toBe(400);
  const unknown = await post({ "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" }, "[]");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("äldre version av sidan");
});
