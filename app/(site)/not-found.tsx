import type { Metadata } from "next";
import { NotFoundContent } from "@/components/layout/not-found-content";

export const metadata: Metadata = { title: "Sidan finns inte" };

export default function NotFound() {
  return <NotFoundContent />;
}
