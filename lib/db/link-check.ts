import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { inStoryViewScope, sharesOrganisation, storyViewScope, type Actor } from "@/lib/auth/permissions";
import { probeUrl, type ProbeOptions, type ProbeResult } from "@/lib/link-check/probe";
import { publishedStorySql } from "./published";

// The scheduled link check (issue 12, decision 022). `collectLinks` reads every external link
// of the published stories and network pages into link_occurrence (with its text) and keeps one
// link_check row per address; `checkDueLinks` checks the addresses that are due, one request
// at a time per host with a pause between, several hosts at once; `brokenLinks` lists what is
// broken for the newsroom, per organisation.

const DAY_MS = 24 * 60 * 60 * 1000;
/** A working link is checked again after a week, a broken one after a day. */
export const RECHECK_OK_MS = 7 * DAY_MS;
export const RECHECK_BROKEN_MS = DAY_MS;

// Every text node carrying a link mark, with its place in the document, so adjacent pieces of
// one link ("Läs ", "**planen**") are joined back into the text a reader sees.
const LINK_NODES = "strict $.** ? (@.type == \"text\" && exists(@.marks[*] ? (@.type == \"link\")))";

/** Each external link of the documents in `table` (aliased s) with its source's id and the text a reader sees. */
function linksIn(table: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH nodes AS (
      SELECT s.id AS source, n.ord, n.node ->> 'text' AS text,
             (SELECT m -> 'attrs' ->> 'href' FROM jsonb_array_elements(n.node -> 'marks') m WHERE m ->> 'type' = 'link' LIMIT 1) AS href
      FROM ${table} s, jsonb_path_query(s.body, ${LINK_NODES}::jsonpath) WITH ORDINALITY AS n(node, ord)
      WHERE ${where}
    )
    SELECT href, source, string_agg(text, '' ORDER BY ord) FROM nodes WHERE href ~* '^https?://' GROUP BY source, href`;
}

/** Rebuilds where each external link occurs; answers how many occurrences and addresses there are. */
export async function collectLinks(client: PrismaClient): Promise<{ occurrences: number; addresses: number }> {
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM link_occurrence`;
      await tx.$executeRaw`INSERT INTO link_occurrence (url, story_id, text) ${linksIn(Prisma.sql`story`, publishedStorySql("s"))}`;
      await tx.$executeRaw`INSERT INTO link_occurrence (url, network_id, text) ${linksIn(Prisma.sql`network`, Prisma.sql`true`)}`;
      await tx.$executeRaw`INSERT INTO link_occurrence (url, network_id, text) SELECT external_url, id, name FROM network WHERE external_url ~* '^https?://'`;
      await tx.$executeRaw`
        INSERT INTO link_check (url, host)
        SELECT DISTINCT url, lower(substring(url FROM '^[a-zA-Z]+://(?:[^/@?#]*@)?(\\[[^]]*\\]|[^/:?#]*)')) FROM link_occurrence
        ON CONFLICT (url) DO NOTHING`;
      await tx.$executeRaw`DELETE FROM link_check c WHERE NOT EXISTS (SELECT 1 FROM link_occurrence o WHERE o.url = c.url)`;
      const [occurrences, addresses] = await Promise.all([tx.linkOccurrence.count(), tx.linkCheck.count()]);
      return { occurrences, addresses };
    },
    { timeout: 120_000 },
  );
}

export type CheckOptions = {
  now?: Date;
  /** Most addresses checked in one run. */
  limit?: number;
  /** The pause between two requests to the same host. */
  perHostIntervalMs?: number;
  /** How many hosts are checked at the same time. */
  hostConcurrency?: number;
  probe?: (url: string, options?: ProbeOptions) => Promise<ProbeResult>;
  probeOptions?: ProbeOptions;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks the addresses whose time has come; answers how many were checked and how many are broken. */
export async function checkDueLinks(client: PrismaClient, options: CheckOptions = {}): Promise<{ checked: number; broken: number }> {
  const { now = new Date(), limit = 40, perHostIntervalMs = 1000, hostConcurrency = 4, probe = probeUrl, probeOptions } = options;
  const due = await client.linkCheck.findMany({ where: { nextCheckAt: { lte: now } }, orderBy: { nextCheckAt: "asc" }, take: limit, select: { url: true, host: true, brokenSince: true } });
  const byHost = new Map<string, typeof due>();
  for (const row of due) {
    const rows = byHost.get(row.host);
    if (rows) rows.push(row);
    else byHost.set(row.host, [row]);
  }
  const queue = [...byHost.values()];
  let broken = 0;
  const worker = async () => {
    for (let rows = queue.shift(); rows; rows = queue.shift()) {
      for (const [i, row] of rows.entries()) {
        if (i > 0) await pause(perHostIntervalMs);
        const result = await probe(row.url, probeOptions);
        const at = new Date();
        if (!result.ok) broken++;
        await client.linkCheck.update({
          where: { url: row.url },
          data: {
            result: result.ok ? "ok" : "broken",
            httpStatus: result.status,
            problem: result.problem,
            checkedAt: at,
            nextCheckAt: new Date(at.getTime() + (result.ok ? RECHECK_OK_MS : RECHECK_BROKEN_MS)),
            brokenSince: result.ok ? null : (row.brokenSince ?? at),
          },
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(hostConcurrency, queue.length) }, worker));
  return { checked: due.length, broken };
}

export type BrokenLink = {
  url: string;
  text: string;
  problem: string;
  checkedAt: string;
  brokenSince: string;
  /** Where the link is: a story (to its editor) or a network page. */
  source: { kind: "story"; id: string; title: string } | { kind: "network"; id: string; title: string };
  organisations: { id: string; name: string }[];
};

/**
 * The broken links an actor should see: administrators every one; others those in stories they
 * may see in the newsroom and on network pages their organisations own or take part in.
 */
export async function brokenLinks(client: PrismaClient, actor: Actor): Promise<BrokenLink[]> {
  const scope = storyViewScope(actor);
  const checks = new Map((await client.linkCheck.findMany({ where: { result: "broken", checkedAt: { not: null } } })).map((c) => [c.url, c]));
  const occurrences = await client.linkOccurrence.findMany({
    where: { url: { in: [...checks.keys()] } },
    include: {
      story: { select: { id: true, title: true, status: true, createdById: true, organisations: { select: { organisation: { select: { id: true, name: true } } } } } },
      network: { select: { id: true, name: true, owner: { select: { id: true, name: true } }, members: { select: { organisation: { select: { id: true, name: true } } } } } },
    },
    orderBy: { id: "asc" },
  });
  const links: BrokenLink[] = [];
  for (const o of occurrences) {
    const check = checks.get(o.url);
    if (!check?.checkedAt) continue;
    const base = { url: o.url, text: o.text, problem: check.problem ?? "Fungerar inte", checkedAt: check.checkedAt.toISOString(), brokenSince: (check.brokenSince ?? check.checkedAt).toISOString() };
    if (o.story) {
      const organisations = o.story.organisations.map((x) => x.organisation);
      const access = { createdById: o.story.createdById, status: o.story.status, organisationIds: organisations.map((x) => x.id) };
      if (inStoryViewScope(scope, access)) links.push({ ...base, source: { kind: "story", id: o.story.id, title: o.story.title }, organisations });
    } else if (o.network) {
      const organisations = [o.network.owner, ...o.network.members.map((m) => m.organisation)];
      if (scope.all || sharesOrganisation(actor, organisations.map((x) => x.id))) links.push({ ...base, source: { kind: "network", id: o.network.id, title: o.network.name }, organisations });
    }
  }
  return links;
}

const g = globalThis as unknown as { linkCheck?: { running: boolean; collectedAt: number } };

/**
 * The scheduler's part, at each of its runs: collect the links again when the last collection is
 * older than `intervalMinutes`, then check a batch of the due addresses. Called after the
 * scheduler's answer is sent (it may take a while); one run at a time per process.
 */
export async function runLinkCheck(client: PrismaClient, intervalMinutes: number): Promise<void> {
  if (intervalMinutes <= 0) return;
  const state = (g.linkCheck ??= { running: false, collectedAt: 0 });
  if (state.running) return;
  state.running = true;
  try {
    if (Date.now() - state.collectedAt >= intervalMinutes * 60_000) {
      const collected = await collectLinks(client);
      state.collectedAt = Date.now();
      console.info(`[link-check] ${collected.addresses} external addresses in ${collected.occurrences} places`);
    }
    const result = await checkDueLinks(client);
    if (result.checked) console.info(`[link-check] checked ${result.checked} addresses, ${result.broken} broken`);
  } catch (err) {
    console.warn(`[link-check] ${(err as Error).message.split("\n")[0]}`);
  } finally {
    state.running = false;
  }
}
