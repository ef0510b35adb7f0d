import "server-only";
import { tags } from "@/lib/cache";
import type { PersonalDataSource } from "./types";

// Readers' comments as a source of personal data (decision 019): the export hands over every
// comment the address wrote, with its story; erasing deletes the unpublished ones and
// anonymises the published ones, which stay with their story as public records.

export const ANONYMOUS = "Anonym";

export const commentsSource: PersonalDataSource = {
  key: "comments",
  label: "Kommentarer",
  async find(client, email) {
    const rows = await client.comment.findMany({
      where: { authorEmail: email.trim().toLowerCase() },
      orderBy: { createdAt: "asc" },
      select: { id: true, authorName: true, authorEmail: true, body: true, status: true, createdAt: true, story: { select: { title: true, slug: true } } },
    });
    return {
      count: rows.length,
      records: rows.map((r) => ({ id: r.id, name: r.authorName, email: r.authorEmail, text: r.body, status: r.status, createdAt: r.createdAt.toISOString(), story: { title: r.story.title, slug: r.story.slug } })),
    };
  },
  async erase(tx, email) {
    const address = email.trim().toLowerCase();
    const published = await tx.comment.findMany({ where: { authorEmail: address, status: "PUBLISHED" }, select: { story: { select: { slug: true } } } });
    const anonymised = await tx.comment.updateMany({ where: { authorEmail: address, status: "PUBLISHED" }, data: { authorName: ANONYMOUS, authorEmail: "", ipHash: "" } });
    const deleted = await tx.comment.deleteMany({ where: { authorEmail: address } });
    return { count: anonymised.count + deleted.count, tags: [...new Set(published.map((c) => tags.story(c.story.slug)))] };
  },
};
