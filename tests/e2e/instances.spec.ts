import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { ensureBuild, startNextServer, type NextServer, type SiteData } from "../../scripts/lib/next-server";
import { freePort } from "../setup/free-port";
import { signIn } from "./support";
import { TEST_EDITOR } from "./test-accounts";

// Two instances of the site behind one database and one Redis, as in production (decision
// 014): every change is made through instance 1, and instance 2, which has the affected pages
// stored, must show it within a second. Then the instance running the scheduled work crashes
// and the other one publishes a scheduled story in its place. The site on :3200 has no
// Redis, so this file starts its own: Debian's redis-server, a throwaway database with the
// demo content, and two `next start` from the shared build.

test.describe.configure({ mode: "serial", timeout: 60_000 });

/** How soon instance 2 must show a change made through instance 1. */
const VISIBLE_WITHIN_MS = 1000;
const POLL_MS = 50;
const stamp = Date.now().toString(36);
const TITLE = `Redisnyheten från Lerum ${stamp}`;
const EDITED_TITLE = `${TITLE} med rättad rubrik`;
const SCHEDULED_TITLE = `Schemalagd nyhet från Lerum ${stamp}`;
// A seeded story about Lerum, on the first page of /nyheter and /kommuner/lerum.
const TRASHED_SLUG = "lerum-med-i-svenskt-naringslivs-utvecklingsprogram";

/** A running `next start`, with everything it has printed so far. */
type Instance = NextServer & { name: string; output: () => string };

let redis: ChildProcess | undefined;
let database: ChildProcess | undefined;
let data: SiteData;
const instances: Instance[] = [];
let context: BrowserContext;
let newsroom: Page;
let slug = "";

/** Starts a process and waits until a line of its output matches `ready`; resolves with that line. */
function startProcess(command: string, args: string[], ready: RegExp, timeoutMs: number): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`${command} was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Whole lines only: a chunk may end halfway through one.
      const line = output.split("\n").slice(0, -1).find((l) => ready.test(l));
      if (line) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
  });
}

/**
 * Stops a process and waits for it. The database helper is stopped by closing its standard
 * input: a SIGTERM would go through tsx's wrapper, which kills its child outright when the
 * child is slow to confirm the signal, leaving PostgreSQL running.
 */
async function stopProcess(child: ChildProcess | undefined, how: "SIGTERM" | "close stdin" = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  if (how === "SIGTERM") child.kill("SIGTERM");
  else child.stdin!.end();
  await exited;
}

type Answer = { status: number; html: string; cache: string | null };

async function get(instance: Instance, path: string): Promise<Answer> {
  const res = await fetch(instance.url + path, { redirect: "manual" });
  return { status: res.status, html: await res.text(), cache: res.headers.get("x-nextjs-cache") };
}

/** Asserts that `path` is stored on the instance: answered from its cache, not rendered for this request. */
async function expectStored(instance: Instance, path: string, status = 200): Promise<void> {
  let answer = await get(instance, path);
  // The first request may be the one that renders and stores it.
  if (answer.cache !== "HIT") answer = await get(instance, path);
  expect(answer.cache, `${path} on ${instance.name}`).toBe("HIT");
  expect(answer.status, `${path} on ${instance.name}`).toBe(status);
}

type Check = { path: string; shows: (answer: Answer) => boolean };

/**
 * Asks the instance for every path every POLL_MS until each shows the change; returns, per
 * path, the milliseconds since `since` until it did (Infinity if it never did within 10 s).
 */
async function msUntilVisible(instance: Instance, checks: Check[], since: number): Promise<Record<string, number>> {
  const times = await Promise.all(
    checks.map(async ({ path, shows }) => {
      while (performance.now() - since < 10_000) {
        if (shows(await get(instance, path))) return performance.now() - since;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      return Infinity;
    }),
  );
  return Object.fromEntries(checks.map((c, i) => [c.path, Math.round(times[i]!)]));
}

function describeTimes(times: Record<string, number>): string {
  return Object.entries(times)
    .map(([path, ms]) => `${path} ${Number.isFinite(ms) ? `${ms} ms` : "not within 10 s"}`)
    .join(", ");
}

function expectVisibleInTime(change: string, times: Record<string, number>): void {
  console.log(`[instances] ${change}, visible on instance 2 after: ${describeTimes(times)}`);
  test.info().annotations.push({ type: "timing", description: `${change}: ${describeTimes(times)}` });
  for (const [path, ms] of Object.entries(times)) expect(ms, `${change}: ${path} on instance 2 (ms)`).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
}

const links = (path: string) => (a: Answer) => a.status === 200 && a.html.includes(`href="${path}"`);
const linksNot = (path: string) => (a: Answer) => a.status === 200 && !a.html.includes(`href="${path}"`);
const shows = (text: string) => (a: Answer) => a.status === 200 && a.html.includes(text);
const gone = (a: Answer) => a.status === 404;

const titleField = (page: Page) => page.getByRole("textbox", { name: /^Rubrik/ });

async function openStory(page: Page, storySlug: string): Promise<void> {
  const client = new pg.Client({ connectionString: data.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM story WHERE slug = $1", [storySlug]);
    await page.goto(`/admin/artiklar/${rows[0]!.id}`);
  } finally {
    await client.end();
  }
}

async function storyStatus(storySlug: string): Promise<string> {
  const client = new pg.Client({ connectionString: data.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ status: string }>("SELECT status FROM story WHERE slug = $1", [storySlug])).rows[0]!.status;
  } finally {
    await client.end();
  }
}

/** Stockholm wall-clock time of `at` (whole seconds), as a datetime-local value with seconds. */
function stockholmTime(at: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Writes and saves a draft about Lerum through instance 1's newsroom; leaves its page open, returns its slug. */
async function newDraft(title: string): Promise<string> {
  await newsroom.goto("/admin/artiklar/ny");
  await titleField(newsroom).fill(title);
  await newsroom.getByLabel("Ingress").fill("Två servrar, en databas och en Redis: en nyhet ska synas på båda genast.");
  await newsroom.getByRole("textbox", { name: "Brödtext" }).click();
  await newsroom.keyboard.type("Brödtexten till nyheten om de två servrarna.");
  await newsroom.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(newsroom).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
  await expect(newsroom.getByText(/^Artikeln är sparad/)).toBeVisible();
  // The saved story's own page, with the publishing controls for it.
  await newsroom.reload();
  await expect(newsroom.getByText("Status: Utkast")).toBeVisible();
  return newsroom.getByLabel("Adress (slug)").inputValue();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const redisPort = await freePort();
  ({ child: redis } = await startProcess("/usr/bin/redis-server", ["--port", String(redisPort), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], /Ready to accept connections/, 10_000));
  const db = await startProcess("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/test-database.ts"], /^ready /, 120_000);
  database = db.child;
  data = JSON.parse(db.line.slice("ready ".length)) as SiteData;
  ensureBuild(data);

  for (const name of ["instance 1", "instance 2"]) {
    const chunks: string[] = [];
    const server = await startNextServer({
      ...data,
      port: await freePort(),
      env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, SCHEDULER_INTERVAL_SECONDS: "1" },
      onOutput: (text) => chunks.push(text),
    });
    instances.push({ ...server, name, output: () => chunks.join("") });
  }
  // Every instance is its own origin: sessions and the sign-in origin check belong to instance 1.
  context = await browser.newContext({ baseURL: instances[0]!.url, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  newsroom = await context.newPage();
  newsroom.on("dialog", (d) => void d.accept());
  await signIn(newsroom, TEST_EDITOR.email, TEST_EDITOR.password);
});

test.afterAll(async () => {
  await context?.close();
  await Promise.all(instances.map((i) => i.stop()));
  await stopProcess(database, "close stdin");
  await stopProcess(redis);
});

test("both instances share stored pages through Redis", async () => {
  const [one, two] = instances as [Instance, Instance];
  for (const instance of instances) expect(instance.output(), instance.name).toContain("[cache] sharing the page cache through Redis");
  // Rendered once on instance 1, the page is a hit on instance 2 at its first request there.
  const path = "/kommuner/lerum/sida/2";
  expect((await get(one, path)).status).toBe(200);
  expect((await get(two, path)).cache).toBe("HIT");
});

test("a story published through instance 1 appears on instance 2 at once", async () => {
  const [, two] = instances as [Instance, Instance];
  slug = await newDraft(TITLE);
  const story = `/nyheter/${slug}`;

  await expectStored(two, story, 404);
  await expectStored(two, "/nyheter");
  await expectStored(two, "/kommuner/lerum");

  await newsroom.getByRole("button", { name: "Publicera nu" }).click();
  await expect(newsroom.getByText("Artikeln är publicerad.")).toBeVisible();
  const since = performance.now();
  expectVisibleInTime(
    "publish",
    await msUntilVisible(two, [{ path: story, shows: shows(TITLE) }, { path: "/nyheter", shows: links(story) }, { path: "/kommuner/lerum", shows: links(story) }], since),
  );
});

test("a minor edit of its title through instance 1 shows on instance 2 at once", async () => {
  const [, two] = instances as [Instance, Instance];
  const story = `/nyheter/${slug}`;
  for (const path of [story, "/nyheter", "/kommuner/lerum"]) await expectStored(two, path);
  expect((await get(two, "/nyheter")).html).not.toContain(EDITED_TITLE);

  await newsroom.reload();
  await expect(newsroom.getByText("Status: Publicerad")).toBeVisible();
  await titleField(newsroom).fill(EDITED_TITLE);
  await newsroom.getByRole("radio", { name: /^Mindre ändring/ }).check();
  await newsroom.getByRole("button", { name: "Spara och publicera ändringarna" }).click();
  await expect(newsroom.getByText("Ändringarna är publicerade.")).toBeVisible();
  const since = performance.now();
  expectVisibleInTime(
    "minor title edit",
    await msUntilVisible(two, [{ path: story, shows: shows(EDITED_TITLE) }, { path: "/nyheter", shows: shows(EDITED_TITLE) }, { path: "/kommuner/lerum", shows: shows(EDITED_TITLE) }], since),
  );
});

test("a story unpublished through instance 1 disappears from instance 2 at once", async () => {
  const [, two] = instances as [Instance, Instance];
  const story = `/nyheter/${slug}`;
  for (const path of [story, "/nyheter", "/kommuner/lerum"]) await expectStored(two, path);

  await newsroom.getByRole("button", { name: "Avpublicera" }).click();
  await expect(newsroom.getByText("Artikeln är avpublicerad")).toBeVisible();
  const since = performance.now();
  expectVisibleInTime(
    "unpublish",
    await msUntilVisible(two, [{ path: story, shows: gone }, { path: "/nyheter", shows: linksNot(story) }, { path: "/kommuner/lerum", shows: linksNot(story) }], since),
  );
});

test("a story moved to the trash through instance 1 disappears from instance 2 at once", async () => {
  const [, two] = instances as [Instance, Instance];
  const story = `/nyheter/${TRASHED_SLUG}`;
  await expectStored(two, story);
  for (const path of ["/nyheter", "/kommuner/lerum"]) {
    await expectStored(two, path);
    expect((await get(two, path)).html, path).toContain(`href="${story}"`);
  }

  await openStory(newsroom, TRASHED_SLUG);
  await expect(newsroom.getByText("Status: Publicerad")).toBeVisible();
  await newsroom.getByRole("button", { name: "Flytta till papperskorgen" }).click();
  await expect(newsroom).toHaveURL(/\/admin\/papperskorg$/);
  const since = performance.now();
  expectVisibleInTime(
    "trash",
    await msUntilVisible(two, [{ path: story, shows: gone }, { path: "/nyheter", shows: linksNot(story) }, { path: "/kommuner/lerum", shows: linksNot(story) }], since),
  );
});

test("when the instance running the scheduled work crashes, the other one publishes in its place", async () => {
  test.setTimeout(90_000);
  const LEADS = "[scheduler] this instance now runs the scheduled work";
  const leads = (i: Instance) => i.output().includes(LEADS);
  await expect.poll(() => instances.filter(leads).length, { timeout: 10_000 }).toBe(1);
  const leader = instances.find(leads)!;
  const survivor = instances.find((i) => i !== leader)!;

  // Scheduled through instance 1's newsroom, 10 s ahead.
  const scheduledSlug = await newDraft(SCHEDULED_TITLE);
  const publishAt = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
  await newsroom.getByLabel("Publicera vid (svensk tid)").fill(stockholmTime(publishAt));
  await newsroom.getByRole("button", { name: "Schemalägg" }).click();
  await expect(newsroom.getByText("Artikeln är schemalagd.")).toBeVisible();
  const story = `/nyheter/${scheduledSlug}`;
  await expectStored(survivor, "/nyheter");
  expect((await get(survivor, "/nyheter")).html).not.toContain(`href="${story}"`);

  // A crash, not a shutdown: no chance to give the lease back.
  const crashedAt = Date.now();
  expect(publishAt - crashedAt, "time left before the story is due when the leader dies (ms)").toBeGreaterThan(2000);
  expect(await storyStatus(scheduledSlug)).toBe("SCHEDULED");
  leader.process.kill("SIGKILL");
  await new Promise((r) => leader.process.once("exit", r));

  await expect(async () => {
    const answer = await get(survivor, "/nyheter");
    expect(answer.html).toContain(`href="${story}"`);
  }).toPass({ timeout: publishAt - Date.now() + 5_000, intervals: [100] });
  const late = Date.now() - publishAt;
  console.log(`[instances] scheduler takeover: ${leader.name} killed ${publishAt - crashedAt} ms before the story was due; it appeared on ${survivor.name}'s /nyheter ${late} ms after it was due`);
  test.info().annotations.push({ type: "timing", description: `takeover: on ${survivor.name} ${late} ms after due` });
  expect(leads(survivor), `${survivor.name} took over the scheduled work`).toBe(true);
  expect(survivor.output()).toContain("[scheduler] published 1");
  expect((await get(survivor, story)).html).toContain(SCHEDULED_TITLE);
});
