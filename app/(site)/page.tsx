import type { Metadata } from "next";
import Link from "next/link";
import { StoryCard } from "@/components/story/story-card";
import { organisationPath } from "@/lib/paths";
import { NetworkCard } from "@/components/network/network-card";
import { JsonLd } from "@/components/seo/json-ld";
import { feedAlternates } from "@/lib/feed-routes";
import { getHome, getSettings } from "@/lib/queries";
import { pageMetadata, publisherLd, websiteLd } from "@/lib/seo";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings();
  const meta = pageMetadata({ title: settings.siteName, description: settings.description ?? "", path: "/", feeds: feedAlternates({ path: "/", title: settings.siteName }) });
  return { ...meta, title: { absolute: settings.tagline ? `${settings.siteName} – ${settings.tagline}` : settings.siteName } };
}

export default async function HomePage() {
  const [{ latest, featuredInterview, networks, municipalities }, settings] = await Promise.all([getHome(), getSettings()]);
  const stories = latest.filter((s) => s.id !== featuredInterview?.id).slice(0, 6);
  return (
    <>
      <JsonLd data={[websiteLd(), { "@context": "https://schema.org", ...publisherLd() }]} />
      <h1 className="sr-only">{settings.siteName}</h1>

      {featuredInterview ? (
        <section aria-labelledby="utvald" className="mb-12 border-b border-slate-200 pb-12">
          <h2 id="utvald" className="mb-4 text-sm font-bold uppercase tracking-wide text-slate-600">
            Utvald intervju
          </h2>
          <StoryCard story={featuredInterview} headingLevel={3} size="large" priority />
        </section>
      ) : null}

      <section aria-labelledby="senaste">
        <div className="mb-6 flex items-baseline justify-between gap-4">
          <h2 id="senaste" className="text-2xl font-bold">
            Senaste nytt
          </h2>
          <Link href="/nyheter">Alla nyheter</Link>
        </div>
        {stories.length ? (
          <ul className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
            {stories.map((s) => (
              <li key={s.id}>
                <StoryCard story={s} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga publicerade artiklar ännu.</p>
        )}
      </section>

      <section aria-labelledby="natverk" className="mt-16">
        <div className="mb-6 flex items-baseline justify-between gap-4">
          <h2 id="natverk" className="text-2xl font-bold">
            Nätverk och program
          </h2>
          <Link href="/natverk">Alla nätverk och program</Link>
        </div>
        <ul className="grid gap-6 md:grid-cols-2">
          {networks.map((n) => (
            <NetworkCard key={n.slug} network={n} headingLevel={3} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="kommuner" className="mt-16">
        <div className="mb-6 flex items-baseline justify-between gap-4">
          <h2 id="kommuner" className="text-2xl font-bold">
            Kommuner
          </h2>
          <Link href="/kommuner">Alla kommuner och organisationer</Link>
        </div>
        <ul className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3 lg:grid-cols-5">
          {municipalities.map((m) => (
            <li key={m.slug}>
              <Link href={organisationPath(m)}>{m.shortName ?? m.name}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
