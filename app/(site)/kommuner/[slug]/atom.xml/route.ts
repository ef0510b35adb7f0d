import { feedResponse } from "@/lib/feed-routes";

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse("municipality", "atom", (await params).slug);
}
