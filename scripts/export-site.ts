// `npm run export:site -- --out dir [--organisation lerum] [--format json|wxr]`
// Writes the site's content, or one organisation's, from the database `npm start` uses, as the
// system (the audit log's actor is empty): json → <out>/export.zip (export.json and media/, see
// docs/export-format.md); wxr → <out>/export.xml and export.zip with the pictures beside it,
// which WordPress's importer and our own (`npm run import:wordpress`) read.
import { z } from "zod";
import { createDb } from "@/lib/db/client";
import { runSiteExport } from "@/lib/db/site-export";
import { parseEnv } from "@/lib/env";
import { packExport } from "@/lib/export/package";
import { mediaStorage } from "@/lib/media/storage";
import { migrate } from "@/lib/migrations";
import { cliArgs } from "./lib/cli-args";
import { cliDatabaseUrl } from "./lib/database";

const argsSchema = z.object({
  out: z.string({ error: "--out must name the folder to write the export to" }).min(1),
  organisation: z.string().min(1).optional(),
  format: z.enum(["json", "wxr"], { error: "--format must be json or wxr" }).default("json"),
});

const args = cliArgs({ out: { type: "string" }, organisation: { type: "string" }, format: { type: "string" } }, argsSchema);
const env = parseEnv();

const database = await cliDatabaseUrl(env);
try {
  await migrate(database.url);
  const client = createDb(database.url);
  let organisationId: string | null = null;
  if (args.organisation) {
    const organisation = await client.organisation.findUnique({ where: { slug: args.organisation }, select: { id: true } });
    if (!organisation) throw new Error(`Organisationen ”${args.organisation}” finns inte. Ange dess adress (slug), t.ex. lerum.`);
    organisationId = organisation.id;
  }
  const result = await runSiteExport(client, null, { organisationId, format: args.format }, { siteUrl: env.SITE_URL });
  if (!result.ok) throw new Error(result.error);
  const packed = await packExport(result.value, args.format, mediaStorage(env), args.out);
  const site = result.value;
  console.log(`Exporterade ${site.stories.length} artiklar, ${site.pages.length} sidor, ${site.topics.length} ämnen och ${site.media.length} bilder:`);
  for (const file of packed.files) console.log(`  ${file}`);
  if (packed.missingMedia.length) console.log(`${packed.missingMedia.length} bildfiler saknades i lagringen: ${packed.missingMedia.join(", ")}`);
  await client.$disconnect();
} catch (err) {
  console.error((err as Error).message.split("\n")[0]);
  process.exitCode = 1;
} finally {
  await database.stop();
}
