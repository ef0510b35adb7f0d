import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { uploadMedia } from "@/lib/db/media-library";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/origin";
import { seeOther } from "@/lib/http/responses";
import { declaredTooLarge, megabytes, readLimited } from "@/lib/media/limit";
import { routeActor } from "@/lib/newsroom/actor";
import { FORBIDDEN_MESSAGE } from "@/lib/newsroom/run";
import { uploadErrorMessage, type UploadErrorCode } from "@/lib/validation/media";

// POST /admin/media/ladda-upp: an image into the media library. Fetch callers (Accept:
// application/json, e.g. the story editor) get the image as JSON; a plain form post without
// JavaScript is redirected to the image's page, or back to the library with ?fel=<code>.
// The body is read as a stream and abandoned as soon as it passes the size limit.

// Room for the multipart boundaries and the text fields sent next to the file.
const FORM_OVERHEAD = 64 * 1024;

const STATUS: Record<UploadErrorCode, number> = {
  "ingen-fil": 400,
  "fel-format": 400,
  ogiltig: 422,
  "for-stor": 413,
  "fel-typ": 415,
  trasig: 422,
  "for-manga-pixlar": 422,
};

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** A form post over the limit: the browser shows this page, since we stopped reading its upload. */
function tooLargePage(message: string) {
  const html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Filen är för stor – Redaktionen</title></head><body><main><h1>Filen är för stor</h1><p>${message}</p><p><a href="/admin/media">Tillbaka till bilderna</a></p></main></body></html>`;
  return new Response(html, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const { SITE_URL, MEDIA_MAX_MB } = env();
  if (!isSameOrigin(request, SITE_URL)) {
    const error = "Uppladdningen kom inte från redaktionens egna sidor.";
    return wantsJson ? json({ error, code: "fel-ursprung" }, 403) : new Response(error, { status: 403 });
  }
  const actor = await routeActor();
  if (!actor) return wantsJson ? json({ error: "Du är inte inloggad. Logga in och försök igen.", code: "ej-inloggad" }, 401) : seeOther("/logga-in");

  const fail = (code: UploadErrorCode, values: Record<string, string> = {}) => {
    const error = uploadErrorMessage(code, MEDIA_MAX_MB);
    if (wantsJson) return json({ error, code }, STATUS[code]);
    if (code === "for-stor") return tooLargePage(error);
    return seeOther(`/admin/media?${new URLSearchParams({ fel: code, ...values })}#ladda-upp`);
  };

  const ceiling = megabytes(MEDIA_MAX_MB) + FORM_OVERHEAD;
  if (declaredTooLarge(request.headers, ceiling)) return fail("for-stor");
  const body = await readLimited(request.body, ceiling);
  if (!body.ok) return fail("for-stor");

  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body.bytes), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return fail("fel-format");
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  // Sent back in the redirect after a refusal so the form keeps them; capped to keep the URL sane.
  const typed = { alt: text("alt").slice(0, 1000), caption: text("caption").slice(0, 1000), credit: text("credit").slice(0, 1000) };
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return fail("ingen-fil", typed);

  let result;
  try {
    const fileName = "name" in file && typeof file.name === "string" ? file.name : "";
    result = await uploadMedia(db(), actor, { bytes: Buffer.from(await file.arrayBuffer()), fileName, ...typed });
  } catch (err) {
    if (err instanceof ForbiddenError) return wantsJson ? json({ error: FORBIDDEN_MESSAGE, code: "behorighet" }, 403) : new Response(FORBIDDEN_MESSAGE, { status: 403 });
    throw err;
  }
  if (!result.ok) {
    if (wantsJson) return json({ error: result.error, code: result.code, fieldErrors: result.fieldErrors }, STATUS[result.code]);
    return fail(result.code, typed);
  }
  const { media, reused } = result.value;
  if (wantsJson) return json(media, reused ? 200 : 201);
  return seeOther(`/admin/media/${media.id}?${reused ? "fanns=1" : "uppladdad=1"}`);
}
