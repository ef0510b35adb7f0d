import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { oldAddressRequest } from "@/lib/old-address.mjs";
import { STAFF_PATH } from "@/lib/private-paths.mjs";
import { getOldAddress } from "@/lib/queries";
import { NOT_FOUND_METADATA } from "@/lib/route-params";

// Every address no other route has: an old address of an imported site (decision 023) answers
// 308 to where its content is now, anything else is the 404 it always was. Stored like any
// page, so the database is asked once per address until an import or a publish changes it.

type Props = { params: Promise<{ adress: string[] }> };

export const generateStaticParams = async () => [];

export const metadata: Metadata = NOT_FOUND_METADATA;

export default async function OldAddress({ params }: Props) {
  const { adress } = await params;
  const { key, otherwise } = oldAddressRequest(adress);
  if (!key || STAFF_PATH.test(key)) notFound();
  const target = await getOldAddress(key);
  if (target) permanentRedirect(target);
  if (otherwise) permanentRedirect(otherwise);
  notFound();
}
