import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "next/server";
import { ForbiddenError, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { removeFolder, startWordpressImport } from "@/lib/db/import-jobs";
import { env } from "@/lib/env";
import { HEAD_BYTES, readMultipartToDisk } from "@/lib/http/multipart-to-disk";
import { isSameOrigin } from "@/lib/http/origin";
import { plainText as text, seeOther } from "@/lib/http/responses";
import { declaredTooLarge, megabytes } from "@/lib/media/limit";
import { clientIp, routeActor } from "@/lib/newsroom/actor";
import { FORBIDDEN_MESSAGE, invalidate } from "@/lib/newsroom/run";
import { looksLikeWxr, looksLikeZip, type ImportErrorCode } from "../import-errors";

// POST /admin/import/ladda-upp: the import form (multipart: wxr, optional media zip,
// organisationId, lage = prov | import). A route handler, not a server action (whose bodies are
// capped near 1 MB): the files are streamed to a temporary folder, never held in memory, up to
// IMPORT_MAX_MB each (a file over it is cut and the rest of the body read and thrown away, so
// the browser gets the answer). The import then runs in the background after the answer (after(), inside
// this request, so its cache tags can be invalidated) and the browser is sent to the job's page.

// Room for the multipart boundaries and the text fields.
const FORM_OVERHEAD = 64 * 1024;

/** Back to the form with the refusal, keeping the chosen organisation and mode. */
function back(code: ImportErrorCode, fields: Record<string, string>): Response {
  const query = new URLSearchParams({ fel: code });
  if (fields.organisationId) query.set("organisation", fields.organisationId.slice(0, 64));
  if (fields.lage === "import" || fields.lage === "prov") query.set("lage", fields.lage);
  return seeOther(`/admin/import?${query}#importformular`);
}

export async function POST(request: Request): Promise<Response> {
  const { SITE_URL, IMPORT_MAX_MB } = env();
  if (!isSameOrigin(request, SITE_URL)) return text("Uppladdningen kom inte från redaktionens egna sidor.", 403);
  const actor = await routeActor();
  if (!actor) return seeOther("/logga-in");
  // Refused before a byte of the upload is read.
  if (!can(actor, "wordpress.import")) return text(FORBIDDEN_MESSAGE, 403);

  const maxFileBytes = megabytes(IMPORT_MAX_MB);
  const maxBodyBytes = 2 * maxFileBytes + FORM_OVERHEAD;
  if (declaredTooLarge(request.headers, maxBodyBytes)) return back("for-stor", {});
  const dir = await mkdtemp(path.join(tmpdir(), "nln-import-"));
  const cleanup = removeFolder(dir);
  let handedOver = false;
  try {
    const form = await readMultipartToDisk(request, dir, { maxFileBytes, maxBodyBytes, files: ["wxr", "media"] });
    if (!form.ok) return back(form.reason === "too-large" ? "for-stor" : "fel-format", form.fields);
    const { fields, files } = form;
    const wxr = files.wxr;
    if (!wxr || wxr.bytes === 0) return back("ingen-fil", fields);
    if (!looksLikeWxr(wxr.head, HEAD_BYTES)) return back("inte-wxr", fields);
    const media = files.media && files.media.bytes > 0 ? files.media : null;
    if (media && !looksLikeZip(media.head)) return back("inte-zip", fields);

    const input = { organisationId: fields.organisationId ?? "", dryRun: fields.lage !== "import" };
    const result = await startWordpressImport(db(), actor, input, { wxrPath: wxr.path, wxrName: wxr.name, mediaPath: media?.path ?? null, cleanup }, { ip: await clientIp() });
    if (!result.ok) return back("organisation", fields);
    handedOver = true;
    after(async () => invalidate(await result.value.run()));
    return seeOther(`/admin/import?jobb=${result.value.jobId}`);
  } catch (err) {
    if (err instanceof ForbiddenError) return text(FORBIDDEN_MESSAGE, 403);
    throw err;
  } finally {
    if (!handedOver) await cleanup();
  }
}
