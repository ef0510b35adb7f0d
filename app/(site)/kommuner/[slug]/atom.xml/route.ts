import { feedResponse } from "@/lib/feed-routes";

// Stored like a page: rendered at the first request, then served until a publish changes it.
export const dynamic = "force-static";
export const generateStaticParams = async () => [];

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse("municipality", "atom", (await params).slug);
}
