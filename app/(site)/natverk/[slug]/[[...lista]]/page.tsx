import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { RichText } from "@/components/rich-text/rich-text";
import { EntityStories } from "@/components/story/entity-stories";
import { formatDateTime, kindLabel } from "@/lib/format";
import { listHref, networkPath, organisationPath, personPath, topicPath } from "@/lib/paths";
import { feedAlternates } from "@/lib/feed-routes";
import { Subscribe } from "@/components/layout/subscribe";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { ImageCaption } from "@/components/ui/image-caption";
import { getNetworkPage } from "@/lib/queries";
import { pageMetadata } from "@/lib/seo";
import { safeHref } from "@/lib/rich-text/links";
import { metadataOf, requireListPosition, requireSlug, type SlugListProps } from "@/lib/route-params";
import { serverNotFound } from "@/components/layout/server-not-found";
import { PeriodSuffix } from "@/components/ui/period-suffix";
import { entityListHead } from "@/lib/period";


async function load({ params }: SlugListProps) {
  const [slug, { page, period }] = await Promise.all([requireSlug(params), requireListPosition(params)]);
  const data = await getNetworkPage(slug, page, period);
  if (!data) notFound();
  return { ...data, period };
}


// None at build time: each page is rendered at its first request and then stored.
export const generateStaticParams = async () => [];

export const generateMetadata = (props: SlugListProps): Promise<Metadata> =>
  metadataOf(() => load(props), ({ network, stories, period }) =>
  pageMetadata({
    ...entityListHead(network.name, network.name, network.summary, stories.page, period),
    path: listHref(networkPath(network.slug), stories.page, period),
    image: network.image ? { url: network.image.src, width: network.image.width, height: network.image.height, alt: network.image.alt } : null,
    feeds: feedAlternates({ path: networkPath(network.slug), title: network.name }),
  }));

export default serverNotFound(async function NetworkPage(props: SlugListProps) {
  const { network, stories, archive, period } = await load(props);
  const { upcoming, past } = partitionMeetings(network.meetings);
  return (
    <>
      <Breadcrumbs items={[{ href: "/natverk", label: "Nätverk och program" }, { label: network.name }]} />
      <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <article>
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">{kindLabel(network.kind)}</p>
          <h1 className="mt-2 text-3xl font-extrabold leading-tight md:text-4xl">
            {network.name}
            <PeriodSuffix period={period} />
          </h1>
          <p className="mt-4 text-xl leading-relaxed text-slate-700">{network.summary}</p>
          {network.image ? (
            <figure className="hero-figure mt-8">
              <Image src={network.image.src} alt={network.image.alt} width={network.image.width} height={network.image.height} sizes="(min-width: 1024px) 66vw, 100vw" priority className="w-full rounded" />
              <ImageCaption caption={network.image.caption} credit={network.image.credit} />
            </figure>
          ) : null}
          <div className="mt-8">
            <RichText doc={network.body} />
          </div>

          {network.goals.length ? (
            <section aria-labelledby="mal" className="mt-10">
              <h2 id="mal" className="text-2xl font-bold">
                Mål och uppföljning
              </h2>
              <ul className="mt-4 space-y-3">
                {network.goals.map((g) => (
                  <li key={g.label} className="rounded bg-brand-50 p-4">
                    <p className="font-semibold">{g.label}</p>
                    {g.target ? <p className="mt-1 text-slate-700">{g.target}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="moten" className="mt-10">
            <h2 id="moten" className="text-2xl font-bold">
              Möten
            </h2>
            <h3 className="mt-4 text-lg font-bold">Kommande möten</h3>
            {upcoming.length ? <MeetingList meetings={upcoming} /> : <p className="mt-2 text-slate-700">Inga kommande möten är inplanerade just nu.</p>}
            {past.length ? (
              <>
                <h3 className="mt-6 text-lg font-bold">Tidigare möten</h3>
                <MeetingList meetings={past} />
              </>
            ) : null}
          </section>
        </article>

        <aside aria-label="Fakta om samarbetet" className="space-y-8 text-sm">
          <section>
            <h2 className="text-lg font-bold">Ansvarig organisation</h2>
            <p className="mt-1">
              <Link href={organisationPath(network.owner)}>{network.owner.name}</Link>
            </p>
          </section>
          {network.coordinator ? (
            <section>
              <h2 className="text-lg font-bold">Samordnare</h2>
              <p className="mt-1">
                <Link href={personPath(network.coordinator.slug)}>{network.coordinator.name}</Link>
                {network.coordinator.title ? <span className="block text-slate-700">{network.coordinator.title}</span> : null}
              </p>
            </section>
          ) : null}
          {network.members.length ? (
            <section>
              <h2 className="text-lg font-bold">Medlemmar ({network.members.length})</h2>
              <ul className="mt-1 grid grid-cols-2 gap-1">
                {network.members.map((m) => (
                  <li key={m.slug}>
                    <Link href={organisationPath(m)}>{m.shortName ?? m.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {network.topics.length ? (
            <section>
              <h2 className="text-lg font-bold">Ämnen</h2>
              <ul className="mt-1 space-y-1">
                {network.topics.map((t) => (
                  <li key={t.slug}>
                    <Link href={topicPath(t.slug)}>{t.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {network.externalUrl && safeHref(network.externalUrl) ? (
            <section>
              <h2 className="text-lg font-bold">Mer information</h2>
              <p className="mt-1">
                <a href={safeHref(network.externalUrl)!}>
                  {network.name} hos {network.owner.name}
                  <span className="sr-only"> (extern webbplats)</span>
                </a>
              </p>
            </section>
          ) : null}
        </aside>
      </div>

      <div className="mt-16 border-t border-slate-200">
        <EntityStories heading={`Artiklar om ${network.name}`} stories={stories} path={networkPath(network.slug)} empty="Inga artiklar ännu." archive={archive} period={period} />
        <Subscribe feeds={[{ path: networkPath(network.slug), title: network.name }]}>
          <AlertSignup target={{ scope: "NETWORK", targetId: network.id, name: network.name }} />
        </Subscribe>
      </div>
    </>
  );
});

/** Meetings still to come, soonest first, and past ones, latest first. */
function partitionMeetings<M extends { startsAt: string }>(meetings: M[], now = new Date()) {
  return {
    upcoming: meetings.filter((m) => new Date(m.startsAt) >= now),
    past: meetings.filter((m) => new Date(m.startsAt) < now).reverse(),
  };
}

function MeetingList({ meetings }: { meetings: { startsAt: string; title: string; place: string }[] }) {
  return (
    <ul className="mt-2 space-y-3">
      {meetings.map((m) => (
        <li key={m.startsAt + m.title} className="border-l-4 border-brand-600 pl-3">
          <p className="font-semibold">{m.title}</p>
          <p className="text-slate-700">
            <time dateTime={m.startsAt}>{formatDateTime(m.startsAt)}</time> · {m.place}
          </p>
        </li>
      ))}
    </ul>
  );
}
