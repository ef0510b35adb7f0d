import type { FeedStory } from "@/lib/db/stories";
import { storyPath } from "@/lib/paths";

// RSS 2.0 and Atom 1.0 documents, built as strings with every value escaped.

export type Feed = {
  title: string;
  description: string;
  /** Site-relative path of the page the feed belongs to, e.g. /kommuner/lerum. */
  path: string;
  /** Site-relative path of the feed itself. */
  selfPath: string;
  items: FeedStory[];
  /** When the feed last changed if it has no items: its page's own record (ISO 8601). */
  emptySince: string;
};

export function escapeXml(s: string): string {
  // Characters XML 1.0 does not allow at all are dropped; the rest are escaped.
  return s
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const updatedOf = (item: FeedStory) => item.contentUpdatedAt ?? item.publishedAt;

/** The newest change among the feed's items; a feed without items changed when its page's record did. */
function lastUpdated(feed: Feed): string {
  return feed.items.reduce((max, i) => (updatedOf(i) > max ? updatedOf(i) : max), feed.items[0] ? updatedOf(feed.items[0]) : feed.emptySince);
}

function creator(item: FeedStory): string {
  return item.author ?? item.byline ?? "Näringslivsnytt";
}

export function buildRss(feed: Feed, siteUrl: string, siteName: string): string {
  const e = escapeXml;
  const items = feed.items
    .map((item) => {
      const url = siteUrl + storyPath(item);
      const categories = [...item.topics, ...item.organisations.map((o) => o.name)].map((c) => `      <category>${e(c)}</category>`).join("\n");
      return `    <item>
      <title>${e(item.title)}</title>
      <link>${e(url)}</link>
      <guid isPermaLink="false">urn:uuid:${e(item.id)}</guid>
      <description>${e(item.lead)}</description>
      <dc:creator>${e(creator(item))}</dc:creator>
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
${categories}
    </item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${e(feed.title)}</title>
    <link>${e(siteUrl + feed.path)}</link>
    <description>${e(feed.description)}</description>
    <language>sv-SE</language>
    <copyright>${e(siteName)}</copyright>
    <lastBuildDate>${new Date(lastUpdated(feed)).toUTCString()}</lastBuildDate>
    <atom:link href="${e(siteUrl + feed.selfPath)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function buildAtom(feed: Feed, siteUrl: string, siteName: string): string {
  const e = escapeXml;
  const entries = feed.items
    .map((item) => {
      const url = siteUrl + storyPath(item);
      const categories = [...item.topics, ...item.organisations.map((o) => o.name)].map((c) => `    <category term="${e(c)}"/>`).join("\n");
      return `  <entry>
    <title>${e(item.title)}</title>
    <link rel="alternate" type="text/html" href="${e(url)}"/>
    <id>urn:uuid:${e(item.id)}</id>
    <published>${item.publishedAt}</published>
    <updated>${updatedOf(item)}</updated>
    <author><name>${e(creator(item))}</name></author>
    <summary>${e(item.lead)}</summary>
${categories}
  </entry>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <title>${e(feed.title)}</title>
  <subtitle>${e(feed.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${e(siteUrl + feed.path)}"/>
  <link rel="self" type="application/atom+xml" href="${e(siteUrl + feed.selfPath)}"/>
  <id>${e(siteUrl + feed.selfPath)}</id>
  <updated>${lastUpdated(feed)}</updated>
  <rights>${e(siteName)}</rights>
${entries}
</feed>
`;
}
