import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { readerAlertCommands } from "@/lib/db/alert-readers";
import { subscriberByManageToken } from "@/lib/db/alerts";
import { clientAddressFrom } from "@/lib/request-client";

// The List-Unsubscribe address of every alert mail (RFC 8058). A mail client's one-click POST,
// with the body `List-Unsubscribe=One-Click`, ends that one list at once: the manage token in
// the path is the authority, no session or CSRF token is involved. A GET (a person following
// the address) goes to the manage page instead, where nothing happens without a click.

type Params = { params: Promise<{ token: string; subscriptionId: string }> };

const notFound = () => new Response("Finns inte", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function POST(request: Request, { params }: Params) {
  const { token, subscriptionId } = await params;
  if (!(await subscriberByManageToken(db(), token))) return notFound();
  const raw = await request.text().catch(() => "");
  // Form-encoded, or multipart (RFC 8058 allows both) with the same name and value.
  const oneClick = new URLSearchParams(raw).get("List-Unsubscribe") === "One-Click" || /name="List-Unsubscribe"\r?\n\r?\nOne-Click/.test(raw);
  if (!oneClick) return new Response("Förväntade List-Unsubscribe=One-Click", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  // Already removed is fine: a repeated one-click answers the same.
  await readerAlertCommands.unsubscribe(db(), token, subscriptionId, { ip: clientAddressFrom(await headers()) });
  return new Response("Bevakningen är avslutad.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  if (!(await subscriberByManageToken(db(), token))) return notFound();
  return new Response(null, { status: 303, headers: { location: `/bevakning/${token}` } });
}
