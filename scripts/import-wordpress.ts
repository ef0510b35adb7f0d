// `npm run import:wordpress -- --file export.xml --organisation lerum [--media uploads|uploads.zip] [--dry-run]`
// Imports a WordPress export (WXR) into the database `npm start` uses (DATABASE_URL, or the
// embedded one, also while the server runs), as the system (the audit log's actor is empty).
// A re-run updates what an earlier run imported, and continues one that stopped half-way (the
// import commits per batch of 200 posts); --dry-run prints the report and saves nothing.
// The pictures come from --media (the site's wp-content/uploads folder, or a zip of it), or
// else from a zip with the export's name beside it (export.xml → export.zip), if there is one.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createDb } from "@/lib/db/client";
import { runWordpressImport } from "@/lib/db/wordpress-import";
import { parseEnv } from "@/lib/env";
import { mediaStorage } from "@/lib/media/storage";
import { megabytes } from "@/lib/media/limit";
import { migrate } from "@/lib/migrations";
import { MediaSourceError, openMediaSource, type MediaSource } from "@/lib/wordpress/media-source";
import { WxrError } from "@/lib/wordpress/wxr";
import { cliArgs } from "./lib/cli-args";
import { cliDatabaseUrl } from "./lib/database";

const argsSchema = z.object({
  file: z.string({ error: "--file must name the WordPress export (WXR) file" }).refine((f) => existsSync(f), { error: "--file: the file does not exist" }),
  organisation: z.string({ error: "--organisation must be an organisation's slug, e.g. lerum" }).min(1),
  media: z.string().min(1).optional(),
  "dry-run": z.boolean().default(false),
});

const args = cliArgs({ file: { type: "string" }, organisation: { type: "string" }, media: { type: "string" }, "dry-run": { type: "boolean" } }, argsSchema);
const env = parseEnv();

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
}

const besideZip = path.join(path.dirname(args.file), `${path.basename(args.file, path.extname(args.file))}.zip`);
const mediaLocation = args.media ?? (existsSync(besideZip) ? besideZip : null);

const database = await cliDatabaseUrl(env);
let source: MediaSource | null = null;
const url = database.url;
try {
  await migrate(url);
  const client = createDb(url);
  const organisation = await client.organisation.findUnique({ where: { slug: args.organisation }, select: { id: true } });
  if (!organisation) throw new WxrError(`Organisationen ”${args.organisation}” finns inte. Ange dess adress (slug), t.ex. lerum.`);
  if (mediaLocation) {
    source = await openMediaSource(mediaLocation);
    console.log(`Bilderna läses från ${mediaLocation}.`);
  }
  const media = source ? { source, storage: mediaStorage(env), maxBytes: megabytes(env.MEDIA_MAX_MB) } : undefined;
  const { report } = await runWordpressImport(client, null, createReadStream(args.file), { organisationId: organisation.id, dryRun: args["dry-run"], media, onProgress: progress });
  for (const line of report.lines) console.log(line);
  await client.$disconnect();
} catch (err) {
  console.error(err instanceof WxrError || err instanceof MediaSourceError ? err.message : (err as Error).message.split("\n")[0]);
  process.exitCode = 1;
} finally {
  await source?.close();
  await database.stop();
}
