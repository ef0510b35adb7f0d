// WordPress import benchmark: `npm run bench:import`. Generates a WXR of BENCH_POSTS posts
// (10 000 by default; Gutenberg blocks, categories, tags, comments), then times, on a throwaway
// embedded PostgreSQL: the reference (reading the file with the same sax reader, nothing else),
// a dry run, the real import and a re-run of it (everything updated), with each phase's peak RSS.
// Results go in docs/performance.md as ratios to the reference measured in the same run.
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { runWordpressImport } from "@/lib/db/wordpress-import";
import { migrate } from "@/lib/migrations";
import { readWxr } from "@/lib/wordpress/wxr";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { freePort } from "@/tests/setup/free-port";

const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const WORDS = ["företag", "näringsliv", "Lerum", "hamnen", "handel", "besöksnäring", "kommunen", "etablering", "tillväxt", "innovation", "samverkan", "råvaror"];

function post(i: number): string {
  const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length];
  const paragraph = (k: number) => `<!-- wp:paragraph -->\n<p>Stycke ${k} om ${w(k)} och <strong>${w(k + 1)}</strong> i ${w(k + 2)}, se <a href="https://www.lerum.se/${w(k)}">mer</a>.</p>\n<!-- /wp:paragraph -->`;
  const body = [paragraph(1), `<!-- wp:heading -->\n<h2 class="wp-block-heading">Om ${w(4)}</h2>\n<!-- /wp:heading -->`, paragraph(2), `<!-- wp:list -->\n<ul><li>${w(5)}</li><li>${w(6)}</li></ul>\n<!-- /wp:list -->`, paragraph(3)].join("\n\n");
  const date = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 7).toISOString().slice(0, 19).replace("T", " ");
  return `<item>
<title><![CDATA[Nyhet ${i} om ${w(0)} och ${w(1)}]]></title>
<link>https://gamla.lerum.example/${date.slice(0, 4)}/${date.slice(5, 7)}/nyhet-${i}/</link>
<dc:creator><![CDATA[skribent${i % 10}]]></dc:creator>
<guid isPermaLink="false">https://gamla.lerum.example/?p=${i}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[Ingress till nyhet ${i} om ${w(2)}.]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id>
<wp:post_date_gmt><![CDATA[${date}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[nyhet-${i}]]></wp:post_name>
<wp:status><![CDATA[${i % 20 === 0 ? "draft" : "publish"}]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="kategori-${i % 50}"><![CDATA[Kategori ${i % 50}]]></category>
<category domain="post_tag" nicename="etikett-${i % 200}"><![CDATA[Etikett ${i % 200}]]></category>
${i % 5 === 0 ? `<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_author><![CDATA[Läsare]]></wp:comment_author><wp:comment_date_gmt><![CDATA[${date}]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Bra!]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>` : ""}
</item>`;
}

function wxr(): string {
  const authors = Array.from({ length: 10 }, (_, i) => `<wp:author><wp:author_login><![CDATA[skribent${i}]]></wp:author_login><wp:author_display_name><![CDATA[Skribent ${i}]]></wp:author_display_name></wp:author>`);
  const items = Array.from({ length: POSTS }, (_, i) => post(i + 1));
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Gamla Lerum</title><link>https://gamla.lerum.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://gamla.lerum.example</wp:base_site_url>
${authors.join("\n")}
${items.join("\n")}
</channel></rss>
`;
}

/** Runs `fn`, sampling this process's RSS; returns seconds and the peak in MB. */
async function measure<T>(fn: () => Promise<T>): Promise<{ seconds: number; peakMb: number; value: T }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { seconds, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, value };
}

const dir = await mkdtemp(path.join(os.tmpdir(), "nn-bench-import-"));
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true });
try {
  await migrate(pg.url);
  const client = createDb(pg.url);
  const organisation = await client.organisation.create({ data: { slug: "lerum", name: "Lerums kommun", kind: "MUNICIPALITY" }, select: { id: true } });
  const file = path.join(dir, "export.xml");
  await writeFile(file, wxr());
  const size = (await stat(file)).size / 1024 / 1024;
  const run = (dryRun: boolean) => () => runWordpressImport(client, null, createReadStream(file), { organisationId: organisation.id, dryRun });

  console.log(`\n${POSTS} posts, ${size.toFixed(1)} MB of WXR; Node ${process.version}\n`);
  console.log("| phase | seconds | × reference | peak RSS MB |");
  console.log("|---|---:|---:|---:|");
  const reference = await measure(() => readWxr(createReadStream(file)));
  // Each row as soon as its phase is done: a long run still leaves what it measured.
  const row = (name: string, m: { seconds: number; peakMb: number }) => console.log(`| ${name} | ${m.seconds.toFixed(2)} | ${(m.seconds / reference.seconds).toFixed(1)} | ${m.peakMb.toFixed(0)} |`);
  row("reference: read the WXR with the sax reader only", reference);
  const dry = await measure(run(true));
  row(`dry run (${dry.value.report.stories.created} stories, rolled back)`, dry);
  const real = await measure(run(false));
  row(`import (${real.value.report.stories.created} created)`, real);
  const again = await measure(run(false));
  row(`re-run (${again.value.report.stories.updated} updated, ${again.value.report.stories.created} created)`, again);
  await client.$disconnect();
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
