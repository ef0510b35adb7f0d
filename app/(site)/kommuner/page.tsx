import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import type { OrganisationListItem } from "@/lib/db/organisations";
import { kindLabel } from "@/lib/format";
import { organisationPath } from "@/lib/paths";
import { getOrganisations } from "@/lib/queries";

export const metadata: Metadata = pageMetadata({
  title: "Kommuner och organisationer",
  description: "Näringslivsnyheter per kommun, ordnade efter län, och de organisationer som arbetar med kommunernas företagsklimat.",
  path: "/kommuner",
});

export default async function OrganisationsPage() {
  const all = await getOrganisations();
  const municipalities = all.filter((o) => o.kind === "MUNICIPALITY");
  const others = all.filter((o) => o.kind !== "MUNICIPALITY");
  const byCounty = new Map<string, OrganisationListItem[]>();
  for (const m of municipalities) byCounty.set(m.county ?? "Övriga", [...(byCounty.get(m.county ?? "Övriga") ?? []), m]);
  const counties = [...byCounty.keys()].sort(new Intl.Collator("sv").compare);
  return (
    <>
      <Breadcrumbs items={[{ label: "Kommuner" }]} />
      <h1 className="text-3xl font-bold md:text-4xl">Kommuner och organisationer</h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-slate-700">Välj en kommun för att läsa dess näringslivsnyheter och se vilka nätverk den deltar i.</p>
      <h2 className="text-2xl font-bold">Kommuner efter län</h2>
      <div className="mt-4 grid gap-8 md:grid-cols-2 lg:grid-cols-3">
        {counties.map((county) => (
          <section key={county}>
            <h3 className="text-lg font-bold">{county}</h3>
            <ul className="mt-2 space-y-1">
              {byCounty.get(county)!.map((m) => (
                <li key={m.slug}>
                  <Link href={organisationPath(m)}>{m.shortName ?? m.name}</Link>
                  <span className="text-sm text-slate-600"> ({m.storyCount} {m.storyCount === 1 ? "artikel" : "artiklar"})</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {others.length ? (
        <>
          <h2 className="mt-12 text-2xl font-bold">Andra organisationer</h2>
          <ul className="mt-4 grid gap-x-8 gap-y-2 md:grid-cols-2">
            {others.map((o) => (
              <li key={o.slug}>
                <Link href={organisationPath(o)}>{o.name}</Link>
                <span className="text-sm text-slate-600"> · {kindLabel(o.kind)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
