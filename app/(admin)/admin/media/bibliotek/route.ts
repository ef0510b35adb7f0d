import { db } from "@/lib/db/client";
import { listUsableMedia } from "@/lib/db/media-library";
import { routeActor } from "@/lib/newsroom/actor";
import { parsePageParam } from "@/lib/pagination";
import type { MediaLibraryPage } from "@/lib/validation/media";

// GET /admin/media/bibliotek?q=&sida=: the story editor's image picker. Only images with alt
// text are listed, newest first, 25 a page, searchable by alt text, caption and file name.

const PICKER_PAGE_SIZE = 25;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

export async function GET(request: Request): Promise<Response> {
  const actor = await routeActor();
  if (!actor) return json({ error: "Du är inte inloggad. Logga in och försök igen." }, 401);
  const params = new URL(request.url).searchParams;
  const sida = params.getAll("sida");
  const page = parsePageParam(sida.length > 1 ? sida : sida[0]);
  if (page === null) return json({ error: "Sidnumret ska vara ett heltal från 1 och uppåt." }, 400);
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const result: MediaLibraryPage = await listUsableMedia(db(), { q, page, pageSize: PICKER_PAGE_SIZE });
  return json(result);
}
