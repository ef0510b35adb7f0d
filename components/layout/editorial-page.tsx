import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { RichText } from "@/components/rich-text/rich-text";
import { Time } from "@/components/ui/time";
import { getEditorialPage } from "@/lib/queries";
import { metadataOf } from "@/lib/route-params";
import { serverNotFound } from "./server-not-found";

// /om, /kontakt, /tillganglighet, /om-kakor and /integritet: editorial pages stored in the database.
async function load(slug: string) {
  const page = await getEditorialPage(slug);
  if (!page) notFound();
  return page;
}

export function editorialRoute(slug: string, extra?: () => Promise<ReactNode>) {
  return {
    generateMetadata: (): Promise<Metadata> => metadataOf(() => load(slug), (page) => pageMetadata({ title: page.title, description: page.lead ?? page.title, path: `/${slug}` })),
    Page: serverNotFound(async () => {
      const page = await load(slug);
      return (
        <>
          <Breadcrumbs items={[{ label: page.title }]} />
          <article className="max-w-3xl">
            <h1 className="text-3xl font-bold md:text-4xl">{page.title}</h1>
            {page.lead ? <p className="mt-4 text-xl leading-relaxed text-slate-700">{page.lead}</p> : null}
            {extra ? <div className="mt-8">{await extra()}</div> : null}
            <div className="mt-8">
              <RichText doc={page.body} />
            </div>
            <p className="mt-10 text-sm text-slate-600">
              Sidan uppdaterades senast <Time iso={page.updatedAt} />.
            </p>
          </article>
        </>
      );
    }),
  };
}
