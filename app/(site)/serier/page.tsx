import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { seriesPath } from "@/lib/paths";
import { getSeriesIndex } from "@/lib/queries";
import { pageMetadata } from "@/lib/seo";

const DESCRIPTION = "Artikelserier där flera artiklar belyser samma fråga från olika håll.";

export const metadata: Metadata = pageMetadata({ title: "Serier", description: DESCRIPTION, path: "/serier" });

// A site has a handful of series, so the index is one page.
export default async function SeriesIndexPage() {
  const series = await getSeriesIndex();
  return (
    <>
      <Breadcrumbs items={[{ label: "Serier" }]} />
      <h1 className="text-3xl font-bold md:text-4xl">Serier</h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-slate-700">{DESCRIPTION}</p>
      {series.length ? (
        <ul className="grid max-w-3xl gap-6">
          {series.map((s) => (
            <li key={s.slug}>
              <Link href={seriesPath(s.slug)} className="text-xl font-bold">
                {s.name}
              </Link>
              <p className="text-sm text-slate-600">{s.parts === 1 ? "1 del" : `${s.parts} delar`}</p>
              {s.description ? <p className="mt-1 text-slate-700">{s.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Inga serier ännu.</p>
      )}
    </>
  );
}
