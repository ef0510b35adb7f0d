import { feedResponse } from "@/lib/feed-routes";

// Stored like a page: rendered at the first request, then served until a publish changes it.
export const dynamic = "force-static";

export function GET() {
  return feedResponse("interviews", "rss");
}
