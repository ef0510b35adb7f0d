import type { Metadata } from "next";
import type { StoryDetail } from "@/lib/db/stories";
import { env } from "@/lib/env";
import { cutAtWord } from "@/lib/format";
import { organisationPath, personPath, storyPath } from "@/lib/paths";

// Metadata and structured data (JSON-LD) for search engines, in one place.

export const SITE_NAME = "Näringslivsnytt";

export const NOT_FOUND_TITLE = "Sidan finns inte";
export const NOT_FOUND_DESCRIPTION = "Adressen leder inte till någon sida på Näringslivsnytt. Sök bland nyheterna eller börja på startsidan.";

type PageMeta = {
  title: string;
  description: string;
  path: string;
  type?: "website" | "article" | "profile";
  image?: { url: string; width: number; height: number; alt: string } | null;
  feeds?: Record<string, { url: string; title: string }[]>;
  article?: { publishedTime: string; modifiedTime: string; tags: string[] };
};

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 160;

// Pages without an image of their own share the site's logo.
const DEFAULT_IMAGE = { url: "/logo.png", width: 512, height: 512, alt: SITE_NAME };

/** Title, description, canonical URL, Open Graph and Twitter card for a page. */
export function pageMetadata(m: PageMeta): Metadata {
  const images = [m.image ?? DEFAULT_IMAGE];
  // Search engines show about 60 characters of a title (before " – Näringslivsnytt") and 160 of
  // a description: the head gets them cut at a word, shared cards the whole text.
  return {
    title: cutAtWord(m.title, TITLE_MAX),
    description: cutAtWord(m.description, DESCRIPTION_MAX),
    alternates: { canonical: m.path, ...(m.feeds ? { types: m.feeds } : {}) },
    openGraph: {
      type: m.type ?? "website",
      siteName: SITE_NAME,
      locale: "sv_SE",
      url: m.path,
      title: m.title,
      description: m.description,
      images,
      ...(m.article ? { publishedTime: m.article.publishedTime, modifiedTime: m.article.modifiedTime, tags: m.article.tags } : {}),
    },
    twitter: { card: m.image ? "summary_large_image" : "summary", title: m.title, description: m.description, images: [{ url: images[0]!.url, alt: images[0]!.alt }] },
  };
}

/**
 * A page that search engines should not index but that is still shared (a search, a 404):
 * Open Graph and Twitter tags so a shared link gets a card, no canonical address of its own.
 */
export function unindexedMetadata(title: string, description: string, path?: string): Metadata {
  const meta = pageMetadata({ title, description, path: path ?? "" });
  const openGraph = { ...meta.openGraph, url: path || undefined };
  return { ...meta, alternates: path ? meta.alternates : undefined, openGraph, robots: { index: false, follow: true } };
}

const abs = (path: string) => `${env().SITE_URL}${path}`;

export type JsonLdObject = Record<string, unknown>;

export function publisherLd(): JsonLdObject {
  return { "@type": "Organization", name: SITE_NAME, url: abs("/"), logo: { "@type": "ImageObject", url: abs("/logo.png"), width: 512, height: 512 } };
}

/** The image of a story for search engines: its hero, or the generated card. */
export function storyImage(story: Pick<StoryDetail, "kind" | "slug" | "title" | "image">) {
  return story.image
    ? { url: story.image.src, width: story.image.width, height: story.image.height, alt: story.image.alt }
    : { url: `/og/${story.kind === "INTERVIEW" ? "intervju" : "nyhet"}/${story.slug}`, width: 1200, height: 630, alt: story.title };
}

export function newsArticleLd(story: StoryDetail): JsonLdObject {
  const url = abs(storyPath(story));
  const author = story.author
    ? { "@type": "Person", name: story.author.name, url: abs(personPath(story.author.slug)) }
    : { "@type": "Organization", name: story.byline ?? SITE_NAME, url: abs("/om") };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.title.slice(0, 110),
    description: story.metaDescription ?? story.lead,
    image: [abs(storyImage(story).url)],
    datePublished: story.publishedAt,
    dateModified: story.contentUpdatedAt ?? story.publishedAt,
    author: [author],
    publisher: publisherLd(),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: "sv-SE",
    articleSection: story.kind === "INTERVIEW" ? "Intervjuer" : "Nyheter",
    keywords: story.topics.map((t) => t.name).join(", ") || undefined,
    about: story.organisations.map((o) => organisationRef(o)),
    mentions: [...story.interviewees, ...story.people].map((p) => ({ "@type": "Person", name: p.name, url: abs(personPath(p.slug)) })),
  };
}

function organisationRef(o: { slug: string; name: string; kind: string }): JsonLdObject {
  return { "@type": o.kind === "MUNICIPALITY" ? "GovernmentOrganization" : "Organization", name: o.name, url: abs(organisationPath(o)) };
}

export function organisationLd(o: { slug: string; name: string; kind: string; website: string | null; description: string | null; county: string | null }): JsonLdObject {
  return {
    "@context": "https://schema.org",
    ...organisationRef(o),
    description: o.description ?? undefined,
    sameAs: o.website ? [o.website] : undefined,
    areaServed: o.kind === "MUNICIPALITY" && o.county ? { "@type": "AdministrativeArea", name: o.county } : undefined,
  };
}

export function personLd(p: { slug: string; name: string; title: string | null; bio: string | null; organisation: { slug: string; name: string; kind: string } | null }): JsonLdObject {
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: p.name,
    url: abs(personPath(p.slug)),
    jobTitle: p.title ?? undefined,
    description: p.bio ?? undefined,
    worksFor: p.organisation ? organisationRef(p.organisation) : undefined,
  };
}

/**
 * The trail as Google reads it: every step but the current page (last) needs a URL, so a step
 * without a page of its own would be left out (today every step has one).
 */
export function breadcrumbLd(trail: { label: string; href?: string }[]): JsonLdObject {
  const steps = trail.filter((c, i) => i === trail.length - 1 || c.href);
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: steps.map((c, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: c.label,
      ...(c.href && i < steps.length - 1 ? { item: abs(c.href) } : {}),
    })),
  };
}

export function websiteLd(): JsonLdObject {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: SITE_NAME,
    url: abs("/"),
    inLanguage: "sv-SE",
    publisher: publisherLd(),
    potentialAction: { "@type": "SearchAction", target: { "@type": "EntryPoint", urlTemplate: `${abs("/sok")}?q={search_term_string}` }, "query-input": "required name=search_term_string" },
  };
}
