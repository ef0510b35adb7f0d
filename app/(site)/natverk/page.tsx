import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { organisationPath } from "@/lib/paths";
import { NetworkCard } from "@/components/network/network-card";
import { getNetworks } from "@/lib/queries";

export const metadata: Metadata = pageMetadata({
  title: "Nätverk och program",
  description: "Samarbeten om näringsliv och företagsklimat som spänner över flera kommuner: nätverk, utvecklingsprogram och projekt.",
  path: "/natverk",
});

export default async function NetworksPage() {
  const networks = await getNetworks();
  return (
    <>
      <Breadcrumbs items={[{ label: "Nätverk och program" }]} />
      <h1 className="text-3xl font-bold md:text-4xl">Nätverk och program</h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-slate-700">
        Här samlas de samarbeten där kommuner arbetar tillsammans med näringslivsfrågor, ofta över läns- och kommungränser.
      </p>
      <ul className="grid gap-6 md:grid-cols-2">
        {networks.map((n) => (
          <NetworkCard key={n.slug} network={n} headingLevel={2}>
            <p className="mt-3 text-sm text-slate-600">
              Ansvarig: <Link href={organisationPath(n.owner)}>{n.owner.name}</Link>
              {n.memberCount ? ` · ${n.memberCount} medlemmar` : null}
            </p>
          </NetworkCard>
        ))}
      </ul>
    </>
  );
}
