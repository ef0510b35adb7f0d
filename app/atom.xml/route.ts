import { feedResponse } from "@/lib/feed-routes";

export function GET() {
  return feedResponse("site", "atom");
}
