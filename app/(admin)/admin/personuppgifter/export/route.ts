import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { personalDataCommands } from "@/lib/db/personal-data/requests";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/origin";
import { plainText as text, seeOther } from "@/lib/http/responses";
import { clientIp, routeActor } from "@/lib/newsroom/actor";
import { FORBIDDEN_MESSAGE } from "@/lib/newsroom/run";

// POST /admin/personuppgifter/export: everything every source holds for one address, as a JSON
// download for the reader who asked (GDPR article 15). Administrators only (the command
// checks personaldata.manage) and audited by the command.

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request, env().SITE_URL)) return text("Begäran kom inte från redaktionens egna sidor.", 403);
  const actor = await routeActor();
  if (!actor) return seeOther("/logga-in");
  let email: string;
  try {
    email = String((await request.formData()).get("email") ?? "");
  } catch {
    return text("Formuläret kunde inte läsas. Gå tillbaka och försök igen.", 400);
  }
  try {
    const result = await personalDataCommands.exportPersonalData(db(), actor, { email }, { ip: await clientIp() });
    if (!result.ok) return text(result.fieldErrors?.email ?? result.error ?? "Adressen kunde inte exporteras.", 400);
    const day = result.value.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(result.value, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="personuppgifter-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return text(FORBIDDEN_MESSAGE, 403);
    throw err;
  }
}
