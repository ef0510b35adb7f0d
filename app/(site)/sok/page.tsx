import { SearchPage, searchMetadata } from "@/components/search/search-page";
import { parseSearchParams } from "@/lib/search-params";

// /sok without a query: a stored page (a query goes to ./resultat, see proxy.ts).
const empty = parseSearchParams({});

export const metadata = searchMetadata(empty);

export default function EmptySearchPage() {
  return <SearchPage state={empty} />;
}
