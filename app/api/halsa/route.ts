import { databaseUrl } from "@/lib/env";
import { databaseAnswers } from "@/lib/health";

// For proxies and load balancers: 200 while the database answers, 503 when it does not.
// Open to everyone (it says nothing but that), and never cached, by Next or by anyone else.
// force-dynamic rather than `await connection()`, which throws outside a request: the tests
// call this handler directly.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const ok = await databaseAnswers(databaseUrl());
  return Response.json({ status: ok ? "ok" : "databasen svarar inte" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

export async function HEAD(): Promise<Response> {
  const res = await GET();
  return new Response(null, { status: res.status, headers: res.headers });
}
