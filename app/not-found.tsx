import type { Metadata } from "next";
import { NOT_FOUND_METADATA } from "@/lib/route-params";
import { NotFoundContent } from "@/components/layout/not-found-content";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getSettings } from "@/lib/queries";

// Addresses that match no route at all; pages' own notFound() use app/(site)/not-found.tsx.
export const metadata: Metadata = NOT_FOUND_METADATA;

export default async function NotFound() {
  const settings = await getSettings();
  return (
    <>
      <SiteHeader siteName={settings.siteName} tagline={settings.tagline} />
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none">
        <NotFoundContent />
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
