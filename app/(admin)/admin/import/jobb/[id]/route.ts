import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getImportJob } from "@/lib/db/import-jobs";
import { routeActor } from "@/lib/newsroom/actor";
import { FORBIDDEN_MESSAGE } from "@/lib/newsroom/run";

// GET /admin/import/jobb/<id>: one import job's progress and report as JSON, polled by the
// import page. Administrators only; an unknown or malformed id is a 404.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await routeActor();
  if (!actor) return json({ error: "Du är inte inloggad. Logga in och försök igen." }, 401);
  if (!can(actor, "wordpress.import")) return json({ error: FORBIDDEN_MESSAGE }, 403);
  const job = await getImportJob(db(), actor, (await params).id);
  return job ? json(job) : json({ error: "Importen finns inte." }, 404);
}
