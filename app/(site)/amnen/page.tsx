import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { topicPath } from "@/lib/paths";
import { getTopics } from "@/lib/queries";

export const metadata: Metadata = pageMetadata({
  title: "Ämnen",
  description: "Alla ämnen som artiklarna på Näringslivsnytt handlar om, från företagsklimat till kompetensförsörjning.",
  path: "/amnen",
});

export default async function TopicsPage() {
  const topics = await getTopics();
  return (
    <>
      <Breadcrumbs items={[{ label: "Ämnen" }]} />
      <h1 className="text-3xl font-bold md:text-4xl">Ämnen</h1>
      <ul className="mt-8 grid gap-x-8 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        {topics.map((t) => (
          <li key={t.slug}>
            <Link href={topicPath(t.slug)} className="text-lg">
              {t.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
