import type { Metadata } from "next";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { oldAddressRequest } from "@/lib/old-address.mjs";
import { STAFF_PATH } from "@/lib/private-paths.mjs";
import { getOldAddress } from "@/lib/queries";
import { NOT_FOUND_METADATA } from "@/lib/route-params";

// Where server.mjs hands a path with a trailing slash and `/?p=ID` (lib/old-address.mjs): an
// imported site's old address answers 308 to where its content is now (decision 023); anything
// else gets the answer it had before: a slashed path Next's 308 to the bare path, `/?p=ID` the
// home page. Stored like any page, so the database is asked once per address until an import
// or a publish changes the answer.

type Props = { params: Promise<{ adress: string[] }> };

export const generateStaticParams = async () => [];

export const metadata: Metadata = NOT_FOUND_METADATA;

export default async function OldAddress({ params }: Props) {
  const request = oldAddressRequest((await params).adress);
  if (!request) notFound();
  const target = STAFF_PATH.test(request.key) ? null : await getOldAddress(request.key);
  if (target) permanentRedirect(target);
  // The home page for a post id no import brought: temporary, as a later import may bring it.
  if (request.otherwise === "/") redirect("/");
  permanentRedirect(request.otherwise);
}
