import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { cookies, draftMode } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { serverNotFound } from "@/components/layout/server-not-found";
import { RichText } from "@/components/rich-text/rich-text";
import { StoryGrid } from "@/components/story/story-card";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findPreviewCopy, withPreviewCopy } from "@/lib/db/story-preview";
import { findStoryRedirect, getStoryPreview, type StoryDetail, type StoryKindValue } from "@/lib/db/stories";
import { routeActor } from "@/lib/newsroom/actor";
import { PREVIEW_COPY_COOKIE } from "@/lib/newsroom/preview";
import { STATUS_LABELS } from "@/lib/newsroom/labels";
import { env } from "@/lib/env";
import { kindLabel, publicationDates } from "@/lib/format";
import { feedAlternates, storyFeeds } from "@/lib/feed-routes";
import { Subscribe } from "@/components/layout/subscribe";
import { StoryComments } from "@/components/site/comments";
import { ImageCaption } from "@/components/ui/image-caption";
import { networkPath, organisationPath, personPath, seriesPath, storyPath, topicPath } from "@/lib/paths";
import { getRelatedStories, getSeriesParts, getStory } from "@/lib/queries";
import { metadataOf, requireSlug } from "@/lib/route-params";
import { JsonLd } from "@/components/seo/json-ld";
import { newsArticleLd, pageMetadata, storyImage } from "@/lib/seo";
import { STORY_LISTS } from "./story-list-page";
import { Share } from "./share";

type Props = { params: Promise<{ slug: string }> };

type Loaded = { story: StoryDetail; previewStatus: string | null; unsaved?: boolean };

/**
 * In draft mode (the newsroom's preview), a signed-in staff member allowed to see the story
 * gets its current text whatever its state, read past the cache; everyone else the public page.
 * After the editor handed over unsaved changes (the cookie names the story), those are shown.
 */
async function previewOf(slug: string): Promise<Loaded | null> {
  if (!(await draftMode()).isEnabled) return null;
  const actor = await routeActor();
  if (!actor) return null;
  const story = await getStoryPreview(slug);
  if (!story || !can(actor, "story.view", { story: story.access })) return null;
  const copy = (await cookies()).get(PREVIEW_COPY_COOKIE)?.value === story.id && can(actor, "story.edit", { story: story.access }) ? await findPreviewCopy(db(), story.id, actor.id) : null;
  if (copy) return { story: await withPreviewCopy(db(), story, copy), previewStatus: story.status, unsaved: true };
  return { story, previewStatus: story.status };
}

/** The story for this URL, or a 404; a story asked for under the other kind's URL is redirected. */
async function requireStory(kind: StoryKindValue, params: Props["params"]): Promise<Loaded> {
  const slug = await requireSlug(params);
  const preview = await previewOf(slug);
  if (preview) return preview;
  const story = await getStory(slug);
  if (!story) {
    // A slug that was changed keeps working as a permanent redirect.
    const moved = await findStoryRedirect(slug);
    if (moved) permanentRedirect(storyPath(moved));
    notFound();
  }
  if (story.kind !== kind) permanentRedirect(storyPath(story));
  return { story, previewStatus: null };
}

export function storyRoute(kind: StoryKindValue) {
  return {
    // None at build time: each story is rendered at its first request and then stored.
    generateStaticParams: async () => [],
    generateMetadata: ({ params }: Props): Promise<Metadata> =>
      metadataOf(() => requireStory(kind, params), ({ story, previewStatus }) => {
      if (previewStatus) return { title: `Förhandsvisning: ${story.title}`, robots: { index: false, follow: false } };
      return pageMetadata({
        title: story.title,
        description: story.metaDescription ?? story.lead,
        path: storyPath(story),
        type: "article",
        image: storyImage(story),
        article: { publishedTime: story.publishedAt, modifiedTime: story.contentUpdatedAt ?? story.publishedAt, tags: story.topics.map((t) => t.name) },
        feeds: feedAlternates(...storyFeeds(story)),
      });
      }),
    Page: serverNotFound(async ({ params }: Props) => {
      const { story, previewStatus, unsaved } = await requireStory(kind, params);
      return (
        <>
          {previewStatus ? <PreviewBanner status={previewStatus} path={storyPath(story)} unsaved={!!unsaved} /> : null}
          <StoryArticle story={story} />
        </>
      );
    }),
  };
}

function PreviewBanner({ status, path, unsaved }: { status: string; path: string; unsaved: boolean }) {
  return (
    <div role="region" aria-label="Förhandsvisning" className="mb-6 rounded border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
      <p className="font-bold">Förhandsvisning – så här kommer artikeln att se ut. Status: {STATUS_LABELS[status] ?? status}.</p>
      {unsaved ? <p className="mt-1 font-semibold">Sidan visar dina osparade ändringar. De syns inte på webbplatsen förrän du sparar dem i redigeraren.</p> : null}
      <p className="mt-1">
        Sidan visas bara för dig och indexeras inte.{" "}
        <a href={`/admin/forhandsvisning/avsluta?till=${encodeURIComponent(path)}`} className="text-amber-950">
          Avsluta förhandsvisningen
        </a>
      </p>
    </div>
  );
}

async function StoryArticle({ story }: { story: StoryDetail }) {
  const [related, seriesParts] = await Promise.all([getRelatedStories(story), story.series ? getSeriesParts(story.series.slug) : []]);
  const list = STORY_LISTS[story.kind];
  const url = `${env().SITE_URL}${storyPath(story)}`;
  const dates = publicationDates(story.publishedAt, story.contentUpdatedAt);
  const seriesIndex = seriesParts.findIndex((s) => s.slug === story.slug);
  const prev = seriesIndex > 0 ? seriesParts[seriesIndex - 1] : undefined;
  const next = seriesIndex >= 0 ? seriesParts[seriesIndex + 1] : undefined;

  return (
    <>
      <JsonLd data={newsArticleLd(story)} />
      <div className="print:hidden">
        <Breadcrumbs items={[{ href: list.path, label: list.title }, { label: story.title }]} />
      </div>
      <article className="mx-auto max-w-3xl">
        <header>
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">
            {kindLabel(story.kind)}
            {story.series ? (
              <>
                {" · "}
                <Link href={seriesPath(story.series.slug)} className="text-accent-500">
                  {story.series.name}
                </Link>
              </>
            ) : null}
          </p>
          <h1 className="mt-2 text-3xl font-extrabold leading-tight md:text-5xl">{story.title}</h1>
          <p className="mt-4 text-xl leading-relaxed text-slate-700">{story.lead}</p>
          <dl className="mt-6 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
            <div>
              <dt className="inline font-semibold">Publicerad: </dt>
              <dd className="inline">
                <Time iso={story.publishedAt} text={dates.published} />
              </dd>
            </div>
            {dates.updated && story.contentUpdatedAt ? (
              <div>
                <dt className="inline font-semibold">{story.changeNotes.length ? "Uppdaterad: " : "Senast uppdaterad: "}</dt>
                <dd className="inline">
                  <Time iso={story.contentUpdatedAt} text={dates.updated} />
                  {story.changeNotes.length ? (
                    <span className="print:hidden">
                      {" "}
                      (<a href="#uppdateringar">se vad som ändrats</a>)
                    </span>
                  ) : null}
                </dd>
              </div>
            ) : null}
            {story.byline || story.author ? (
              <div>
                <dt className="inline font-semibold">Text: </dt>
                <dd className="inline">{story.author ? <Link href={personPath(story.author.slug)}>{story.author.name}</Link> : story.byline}</dd>
              </div>
            ) : null}
          </dl>
          {/* On paper the address is what leads back to the page. */}
          <p className="mt-2 hidden text-sm print:block" data-print-url="">
            Adress: {url}
          </p>
        </header>

        {story.image ? (
          <figure className="hero-figure mt-8">
            <Image
              src={story.image.src}
              alt={story.image.alt}
              width={story.image.width}
              height={story.image.height}
              sizes="(min-width: 768px) 768px, 100vw"
              priority
              className="w-full rounded"
            />
            <ImageCaption caption={story.image.caption} credit={story.image.credit} />
          </figure>
        ) : null}

        {story.interviewees.length ? (
          <aside aria-label="Intervjuade" className="mt-8 border-l-4 border-brand-600 pl-4">
            <p className="font-semibold">{story.interviewees.length > 1 ? "Intervjuade" : "Intervjuad"}</p>
            <ul>
              {story.interviewees.map((p) => (
                <li key={p.slug}>
                  <Link href={personPath(p.slug)}>{p.name}</Link>
                  {p.title ? `, ${p.title}` : null}
                  {p.organisation ? `, ${p.organisation.name}` : null}
                </li>
              ))}
            </ul>
          </aside>
        ) : null}

        <div className="mt-8">
          <RichText doc={story.body} />
        </div>

        {story.changeNotes.length ? (
          <section aria-labelledby="uppdateringar" className="mt-10 border-t border-slate-200 pt-6">
            <h2 id="uppdateringar" className="text-lg font-bold">
              Uppdateringar
            </h2>
            <ul className="mt-3 space-y-2">
              {story.changeNotes.map((c) => (
                <li key={c.createdAt}>
                  <span className="font-semibold">
                    Uppdaterad <Time iso={c.createdAt} />:
                  </span>{" "}
                  {c.note}
                </li>
              ))}
              <li>
                <span className="font-semibold">
                  Publicerad <Time iso={story.publishedAt} />
                </span>
              </li>
            </ul>
          </section>
        ) : null}

        {story.series ? (
          <nav aria-labelledby="serien" className="mt-10 rounded border border-slate-200 p-5">
            <h2 id="serien" className="text-lg font-bold">
              Det här är en del av serien <Link href={seriesPath(story.series.slug)}>{story.series.name}</Link>
            </h2>
            <ol className="mt-3 list-decimal space-y-1 pl-6">
              {seriesParts.map((s) => (
                <li key={s.slug}>
                  {s.slug === story.slug ? (
                    <span aria-current="page" className="font-semibold">
                      {s.title}
                    </span>
                  ) : (
                    <Link href={storyPath(s)}>{s.title}</Link>
                  )}
                </li>
              ))}
            </ol>
            {prev || next ? (
              <p className="mt-3 flex flex-wrap justify-between gap-4">
                {prev ? <Link href={storyPath(prev)}>‹ Föregående del: {prev.title}</Link> : <span />}
                {next ? <Link href={storyPath(next)}>Nästa del: {next.title} ›</Link> : null}
              </p>
            ) : null}
          </nav>
        ) : null}

        <footer className="mt-10 space-y-4 border-t border-slate-200 pt-6 text-sm">
          {story.organisations.length ? (
            <TagRow label="Berör" items={story.organisations.map((o) => ({ href: organisationPath(o), label: o.name }))} />
          ) : null}
          {story.topics.length ? <TagRow label="Ämnen" items={story.topics.map((t) => ({ href: topicPath(t.slug), label: t.name }))} /> : null}
          {story.people.length ? <TagRow label="Personer" items={story.people.map((p) => ({ href: personPath(p.slug), label: p.name }))} /> : null}
          {story.networks.length ? (
            <TagRow label="Läs mer om" items={story.networks.map((n) => ({ href: networkPath(n.slug), label: n.name }))} />
          ) : null}
          {story.pageOwner ? (
            <p>
              <span className="font-semibold">Sidansvarig: </span>
              {story.pageOwner}
            </p>
          ) : null}
        </footer>

        <div className="print:hidden">
          <Share title={story.title} lead={story.lead} url={url} />
        </div>
        <Subscribe feeds={storyFeeds(story)} />
      </article>
      <StoryComments story={story} />

      {related.length ? (
        <section aria-labelledby="relaterat" className="mt-16 border-t border-slate-200 pt-10 print:hidden">
          <h2 id="relaterat" className="mb-6 text-2xl font-bold">
            Relaterade artiklar
          </h2>
          <StoryGrid stories={related} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}

function TagRow({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span className="font-semibold">{label}:</span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {items.map((i) => (
          <li key={i.href}>
            <Link href={i.href}>{i.label}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
