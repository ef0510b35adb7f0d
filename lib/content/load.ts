import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { markdownToDoc, type ImageResolver } from "@/lib/rich-text/markdown";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { richTextDocSchema } from "@/lib/rich-text/schema";
import { slugify } from "@/lib/slug";
import {
  networkFrontMatterSchema,
  organisationSchema,
  pageFrontMatterSchema,
  personSchema,
  seriesSchema,
  siteSchema,
  storyFrontMatterSchema,
  topicSchema,
  type ImageRef,
} from "./schema";

export const CONTENT_DIR = path.resolve("content");

export class ContentError extends Error {}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ContentError(`${where}: ${issue.path.join(".") || "(file)"} ${issue.message}`);
  }
  return result.data;
}

async function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): Promise<z.infer<S>> {
  const raw = await readFile(path.join(dir, file), "utf8");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ContentError(`content/${file}: not valid JSON (${(err as Error).message})`);
  }
  return parse(schema, json, `content/${file}`);
}

async function readMarkdownDir(dir: string): Promise<{ file: string; data: unknown; body: string }[]> {
  // A missing folder is an empty one: a site may have no networks yet.
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [] as string[];
    throw err;
  });
  const files = names.filter((f) => f.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (file) => {
      const { data, content } = matter(await readFile(path.join(dir, file), "utf8"));
      return { file, data, body: content };
    }),
  );
}

/** Every image the content refers to, by file name, with the alt text of its first use. */
export type ImageUse = ImageRef;

export async function loadContent(dir = CONTENT_DIR) {
  const site = await readJson(dir, "site.json", siteSchema);
  const organisations = await readJson(dir, "organisations.json", organisationSchema.array());
  const people = await readJson(dir, "people.json", personSchema.array());
  const topics = await readJson(dir, "topics.json", topicSchema.array());
  const series = await readJson(dir, "series.json", seriesSchema.array());

  const networks = (await readMarkdownDir(path.join(dir, "networks"))).map((f) => {
    const data = parse(networkFrontMatterSchema, f.data, `content/networks/${f.file}`);
    return { ...data, slug: data.slug ?? slugify(data.name), markdown: f.body, file: `networks/${f.file}` };
  });
  const stories = (await readMarkdownDir(path.join(dir, "stories"))).map((f) => {
    const data = parse(storyFrontMatterSchema, f.data, `content/stories/${f.file}`);
    return { ...data, slug: data.slug ?? slugify(data.title), markdown: f.body, file: `stories/${f.file}` };
  });
  const pages = (await readMarkdownDir(path.join(dir, "pages"))).map((f) => ({
    ...parse(pageFrontMatterSchema, f.data, `content/pages/${f.file}`),
    slug: f.file.replace(/\.md$/, ""),
    markdown: f.body,
    file: `pages/${f.file}`,
  }));

  const content = { site, organisations, people, topics, series, networks, stories, pages };
  checkReferences(content);
  return content;
}

export type Content = Awaited<ReturnType<typeof loadContent>>;

function checkReferences(c: Omit<Content, never>) {
  const sets = {
    organisation: new Set(c.organisations.map((o) => o.slug)),
    person: new Set(c.people.map((p) => p.slug)),
    topic: new Set(c.topics.map((t) => t.slug)),
    series: new Set(c.series.map((s) => s.slug)),
    network: new Set(c.networks.map((n) => n.slug)),
  };
  const check = (kind: keyof typeof sets, slug: string | null | undefined, where: string) => {
    if (slug && !sets[kind].has(slug)) throw new ContentError(`content/${where}: unknown ${kind} "${slug}"`);
  };
  for (const p of c.people) check("organisation", p.organisation, "people.json");
  for (const n of c.networks) {
    check("person", n.coordinator, n.file);
    check("organisation", n.owner, n.file);
    n.members.forEach((m) => check("organisation", m, n.file));
    n.topics.forEach((t) => check("topic", t, n.file));
  }
  for (const s of c.stories) {
    s.organisations.forEach((o) => check("organisation", o, s.file));
    s.topics.forEach((t) => check("topic", t, s.file));
    s.interviewees.forEach((p) => check("person", p, s.file));
    s.people.forEach((p) => check("person", p, s.file));
    s.networks.forEach((n) => check("network", n, s.file));
    check("person", s.author, s.file);
    check("series", s.series?.slug, s.file);
  }
  for (const kind of ["organisation", "person", "topic", "series", "network"] as const) {
    const list = { organisation: c.organisations, person: c.people, topic: c.topics, series: c.series, network: c.networks }[kind];
    if (sets[kind].size !== list.length) throw new ContentError(`content: two ${kind} entries share a slug`);
  }
}

/** Converts a content file's Markdown and checks the result against the document format. */
export function toDoc(markdown: string, where: string, opts: { interview?: boolean; resolveImage: ImageResolver }): RichTextDoc {
  const doc = markdownToDoc(markdown, opts);
  return parse(richTextDocSchema, doc, `content/${where}`);
}

/** Image files referenced inline in Markdown: ![alt](images/file.svg "caption"). */
export function inlineImageFiles(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\((?:images\/)?([a-z0-9-]+\.(?:svg|png|jpe?g|webp))/g)].map((m) => m[1]!);
}
