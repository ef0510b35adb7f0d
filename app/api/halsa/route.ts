import { databaseUrl } from "@/lib/env";
import { databaseAnswers } from "@/lib/health";
import { RETRY_AFTER_SECONDS } from "@/lib/outage.mjs";

// For proxies and load balancers: 200 while the database answers, 503 when it does not.
// Open to everyone (it says nothing but that), and never cached, by Next or by anyone else.
// force-dynamic rather than `await connection()`, which throws outside a request: the tests
// call this handler directly.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const ok = await databaseAnswers(databaseUrl());
  if (ok) return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  // As the outage page says: ask again in half a minute.
  return Response.json({ status: "databasen svarar inte" }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } });
}

export async function HEAD(): Promise<Response> {
  const res = await GET();
  return new Response(null, { status: res.status, headers: res.headers });
}
