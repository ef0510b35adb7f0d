import type { Metadata } from "next";
import { NOT_FOUND_METADATA } from "@/lib/route-params";
import { NotFoundContent } from "@/components/layout/not-found-content";

export const metadata: Metadata = NOT_FOUND_METADATA;

export default function NotFound() {
  return <NotFoundContent />;
}
