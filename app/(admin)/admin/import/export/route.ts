import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { siteExportCommands } from "@/lib/db/site-export";
import { env } from "@/lib/env";
import { packExport, packWxrDownload } from "@/lib/export/package";
import { isSameOrigin } from "@/lib/http/origin";
import { plainText as text, seeOther } from "@/lib/http/responses";
import { mediaStorage } from "@/lib/media/storage";
import { clientIp, routeActor } from "@/lib/newsroom/actor";
import { FORBIDDEN_MESSAGE } from "@/lib/newsroom/run";

// POST /admin/import/export: the site export (`npm run export:site`, docs/export-format.md) as a
// download, for administrators (the command checks site.export and audits). JSON: export.zip
// with export.json and media/. WXR: one zip holding export.xml and, beside it, export.zip with
// the pictures, as `npm run import:wordpress -- --file export.xml` and WordPress read them.

export async function POST(request: Request): Promise<Response> {
  const { SITE_URL } = env();
  if (!isSameOrigin(request, SITE_URL)) return text("Begäran kom inte från redaktionens egna sidor.", 403);
  const actor = await routeActor();
  if (!actor) return seeOther("/logga-in");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return text("Formuläret kunde inte läsas. Gå tillbaka och försök igen.", 400);
  }
  const organisationId = String(form.get("organisationId") ?? "") || null;
  const format = String(form.get("format") ?? "json");
  let result;
  try {
    result = await siteExportCommands.exportSite(db(), actor, { organisationId, format }, { siteUrl: SITE_URL, ip: await clientIp() });
  } catch (err) {
    if (err instanceof ForbiddenError) return text(FORBIDDEN_MESSAGE, 403);
    throw err;
  }
  if (!result.ok) return text(Object.values(result.fieldErrors ?? {})[0] ?? result.error ?? "Exporten misslyckades.", 400);

  const dir = await mkdtemp(path.join(tmpdir(), "nln-export-"));
  try {
    const site = result.value;
    const packed = await packExport(site, site.requested, mediaStorage(), dir);
    const file = site.requested === "json" ? packed.files[0]! : await packWxrDownload(packed.files, path.join(dir, "wxr.zip"));
    const name = `${site.organisation?.slug ?? "naringslivsnytt"}-${site.exportedAt.slice(0, 10)}${site.requested === "wxr" ? "-wxr" : ""}.zip`;
    const size = (await stat(file)).size;
    const stream = createReadStream(file);
    stream.on("close", () => void rm(dir, { recursive: true, force: true }));
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: { "Content-Type": "application/zip", "Content-Length": String(size), "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
