import type { Metadata } from "next";
import { SearchPage, searchMetadata } from "@/components/search/search-page";
import { parseSearchParams } from "@/lib/search-params";

// /sok?q=…: proxy.ts sends every /sok address with a query string here, rendered per request.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(parseSearchParams(await searchParams));
}

export default async function SearchResultsPage({ searchParams }: Props) {
  return <SearchPage state={parseSearchParams(await searchParams)} />;
}
