import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Prisma } from "@/generated/prisma/client";
import { inlineImageFiles, loadContent, toDoc, type Content } from "@/lib/content/load";
import type { ImageRef } from "@/lib/content/schema";
import { processImage, storeImage } from "@/lib/media/process";
import type { MediaStorage } from "@/lib/media/storage";
import type { ImageAttrs, RichTextDoc } from "@/lib/rich-text/schema";

// Loads content/ into the database. Insert-only: a record whose slug already exists is
// left exactly as it is, so running the seed twice changes nothing and never overwrites
// what editors have changed since.

export type StorySeed = {
  kind: "NEWS" | "INTERVIEW";
  title: string;
  slug: string;
  lead: string;
  body: RichTextDoc;
  status?: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";
  publishedAt: Date | null;
  contentUpdatedAt?: Date | null;
  byline?: string | null;
  pageOwner?: string | null;
  metaDescription?: string | null;
  heroImageId?: string | null;
  authorId?: string | null;
  seriesId?: string | null;
  seriesPosition?: number | null;
  organisationIds?: string[];
  topicIds?: string[];
  intervieweeIds?: string[];
  personIds?: string[];
  networkIds?: string[];
};

/** Creates a story with its relations; shared by the content seed and the test factories. */
export async function insertStory(client: PrismaClient, s: StorySeed): Promise<{ id: string }> {
  return client.story.create({
    select: { id: true },
    data: {
      kind: s.kind,
      title: s.title,
      slug: s.slug,
      lead: s.lead,
      body: s.body as unknown as Prisma.InputJsonValue,
      status: s.status ?? "PUBLISHED",
      publishedAt: s.publishedAt,
      contentUpdatedAt: s.contentUpdatedAt ?? s.publishedAt,
      byline: s.byline ?? null,
      pageOwner: s.pageOwner ?? null,
      metaDescription: s.metaDescription ?? null,
      heroImageId: s.heroImageId ?? null,
      authorId: s.authorId ?? null,
      seriesId: s.seriesId ?? null,
      seriesPosition: s.seriesPosition ?? null,
      organisations: { create: (s.organisationIds ?? []).map((organisationId) => ({ organisationId })) },
      topics: { create: (s.topicIds ?? []).map((topicId) => ({ topicId })) },
      interviewees: { create: (s.intervieweeIds ?? []).map((personId, position) => ({ personId, position })) },
      people: { create: (s.personIds ?? []).map((personId) => ({ personId })) },
      networks: { create: (s.networkIds ?? []).map((networkId) => ({ networkId })) },
    },
  });
}

type MediaRef = { id: string; attrs: Omit<ImageAttrs, "alt" | "caption" | "credit"> };

async function seedImages(client: PrismaClient, content: Content, contentDir: string, storage: MediaStorage) {
  const refs = new Map<string, ImageRef>();
  const add = (ref: ImageRef | null | undefined) => {
    if (ref && !refs.has(ref.file)) refs.set(ref.file, ref);
  };
  content.stories.forEach((s) => add(s.hero));
  content.networks.forEach((n) => add(n.image));
  content.people.forEach((p) => add(p.portrait));
  for (const md of [...content.stories, ...content.networks, ...content.pages].map((x) => x.markdown)) {
    for (const file of inlineImageFiles(md)) {
      const m = new RegExp(`!\\[([^\\]]*)\\]\\((?:images/)?${file.replace(".", "\\.")}(?:\\s+"([^"]*)")?`).exec(md);
      add({ file, alt: m?.[1] ?? "", caption: m?.[2] ?? null, credit: null });
    }
  }

  const byFile = new Map<string, MediaRef>();
  for (const ref of refs.values()) {
    const image = await processImage(await readFile(path.join(contentDir, "images", ref.file)));
    await storeImage(storage, image);
    const existing = await client.media.findUnique({ where: { storageKey: image.storageKey }, select: { id: true } });
    const media =
      existing ??
      (await client.media.create({
        select: { id: true },
        data: {
          storageKey: image.storageKey,
          mime: image.mime,
          width: image.width,
          height: image.height,
          sizeBytes: image.data.length,
          alt: ref.alt,
          caption: ref.caption,
          credit: ref.credit ?? "Illustration: Näringslivsnytt",
        },
      }));
    byFile.set(ref.file, { id: media.id, attrs: { src: `/media/${image.storageKey}`, width: image.width, height: image.height, mediaId: media.id } });
  }
  return byFile;
}

export type SeedReport = { created: Record<string, number> };

export async function seedContent(
  client: PrismaClient,
  opts: { contentDir: string; storage: MediaStorage; log?: (line: string) => void },
): Promise<SeedReport> {
  const content = await loadContent(opts.contentDir);
  const media = await seedImages(client, content, opts.contentDir, opts.storage);
  const created: Record<string, number> = {};
  const count = (key: string, n: number) => (created[key] = (created[key] ?? 0) + n);

  const resolveImage = (src: string, alt: string, title: string | null): ImageAttrs => {
    const file = src.replace(/^images\//, "");
    const ref = media.get(file);
    if (!ref) throw new Error(`Image ${src} is not in content/images`);
    return { ...ref.attrs, alt, ...(title ? { caption: title } : {}), credit: "Illustration: Näringslivsnytt" };
  };

  count("organisations", (await client.organisation.createMany({ data: content.organisations, skipDuplicates: true })).count);
  count("topics", (await client.topic.createMany({ data: content.topics, skipDuplicates: true })).count);
  count("series", (await client.series.createMany({ data: content.series, skipDuplicates: true })).count);

  const orgIds = new Map((await client.organisation.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const topicIds = new Map((await client.topic.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const seriesIds = new Map((await client.series.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  const id = (map: Map<string, string>, slug: string) => {
    const found = map.get(slug);
    if (!found) throw new Error(`Unknown slug ${slug}`);
    return found;
  };

  count(
    "people",
    (
      await client.person.createMany({
        skipDuplicates: true,
        data: content.people.map((p) => ({
          slug: p.slug,
          name: p.name,
          title: p.title,
          bio: p.bio,
          organisationId: p.organisation ? id(orgIds, p.organisation) : null,
          portraitId: p.portrait ? media.get(p.portrait.file)!.id : null,
        })),
      })
    ).count,
  );
  const personIds = new Map((await client.person.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));

  const existingNetworks = new Set((await client.network.findMany({ select: { slug: true } })).map((n) => n.slug));
  for (const n of content.networks) {
    if (existingNetworks.has(n.slug)) continue;
    await client.network.create({
      data: {
        slug: n.slug,
        name: n.name,
        kind: n.kind,
        summary: n.summary,
        body: toDoc(n.markdown, n.file, { resolveImage }) as unknown as Prisma.InputJsonValue,
        coordinatorId: n.coordinator ? id(personIds, n.coordinator) : null,
        ownerId: id(orgIds, n.owner),
        imageId: n.image ? media.get(n.image.file)!.id : null,
        externalUrl: n.externalUrl,
        members: { create: n.members.map((m) => ({ organisationId: id(orgIds, m) })) },
        topics: { create: n.topics.map((t) => ({ topicId: id(topicIds, t) })) },
        goals: { create: n.goals.map((g, position) => ({ position, label: g.label, target: g.target })) },
        meetings: { create: n.meetings.map((m) => ({ startsAt: m.date, title: m.title, place: m.place })) },
      },
    });
    count("networks", 1);
  }
  const networkIds = new Map((await client.network.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));

  const existingStories = new Set((await client.story.findMany({ select: { slug: true } })).map((s) => s.slug));
  for (const s of content.stories) {
    if (existingStories.has(s.slug)) continue;
    await insertStory(client, {
      kind: s.kind,
      title: s.title,
      slug: s.slug,
      lead: s.lead,
      body: toDoc(s.markdown, s.file, { interview: s.kind === "INTERVIEW", resolveImage }),
      status: "PUBLISHED",
      publishedAt: s.publishedAt,
      contentUpdatedAt: s.updatedAt ?? s.publishedAt,
      byline: s.byline,
      pageOwner: s.pageOwner,
      metaDescription: s.metaDescription ?? null,
      heroImageId: s.hero ? media.get(s.hero.file)!.id : null,
      authorId: s.author ? id(personIds, s.author) : null,
      seriesId: s.series ? id(seriesIds, s.series.slug) : null,
      seriesPosition: s.series?.position ?? null,
      organisationIds: s.organisations.map((o) => id(orgIds, o)),
      topicIds: s.topics.map((t) => id(topicIds, t)),
      intervieweeIds: s.interviewees.map((p) => id(personIds, p)),
      personIds: s.people.filter((p) => !s.interviewees.includes(p)).map((p) => id(personIds, p)),
      networkIds: s.networks.map((n) => id(networkIds, n)),
    });
    count("stories", 1);
  }

  const existingPages = new Set((await client.page.findMany({ select: { slug: true } })).map((p) => p.slug));
  for (const p of content.pages) {
    if (existingPages.has(p.slug)) continue;
    await client.page.create({
      data: { slug: p.slug, title: p.title, lead: p.lead, updatedAt: p.updatedAt ?? undefined, body: toDoc(p.markdown, p.file, { resolveImage }) as unknown as Prisma.InputJsonValue },
    });
    count("pages", 1);
  }

  const { site } = content;
  count(
    "siteSettings",
    (
      await client.siteSettings.createMany({
        skipDuplicates: true,
        data: [
          {
            id: 1,
            siteName: site.name,
            tagline: site.tagline,
            description: site.description,
            footerOrganisation: site.footer.organisation,
            address: site.footer.address,
            phone: site.footer.phone,
            email: site.footer.email,
            informationOwner: site.footer.informationOwner,
            webmaster: site.footer.webmaster,
          },
        ],
      })
    ).count,
  );

  opts.log?.(`demo content: ${Object.entries(created).filter(([, v]) => v > 0).map(([k, v]) => `${v} ${k}`).join(", ") || "nothing new"}`);
  return { created };
}

export async function databaseIsEmpty(client: PrismaClient): Promise<boolean> {
  const [orgs, stories, settings] = await Promise.all([client.organisation.count(), client.story.count(), client.siteSettings.count()]);
  return orgs === 0 && stories === 0 && settings === 0;
}
