import { formToken } from "@/lib/db/comments";

// The comment form's signed fill-time token (decision 019), asked for by public/js/site.js when a
// reader starts writing: the story page is stored and the same for everyone, so the moment the
// reader began cannot be in it. Says nothing but the time; never cached.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(formToken(), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
