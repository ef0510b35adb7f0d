import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleStoriesWhere } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { accessOf } from "@/lib/db/editorial";
import { isPublished, publishedStorySql, publishedStoryWhere } from "@/lib/db/published";
import { createActor, createOrganisation, createStory } from "../factories";

// Each rule that exists as a check on a loaded story and as a filter in a query must answer the
// same for every row: "published" (predicate, Prisma where, SQL) and who may see a story in the
// newsroom (`can(…, "story.view")` and the newsroom lists' where).

const DAY = 24 * 3600 * 1000;
const STATES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const;

const ids: string[] = [];
let actors: Record<string, Actor> = {};

beforeAll(async () => {
  const lerum = await createOrganisation(db());
  const stenungsund = await createOrganisation(db());
  const admin = await createActor(db(), { role: "ADMIN" });
  const lerumEditor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
  const stenungsundEditor = await createActor(db(), { role: "EDITOR", organisationIds: [stenungsund.id] });
  const editorWithoutOrganisation = await createActor(db(), { role: "EDITOR" });
  const writer = await createActor(db(), { role: "WRITER", organisationIds: [lerum.id] });
  const otherWriter = await createActor(db(), { role: "WRITER", organisationIds: [lerum.id] });
  actors = { admin, lerumEditor, stenungsundEditor, editorWithoutOrganisation, writer, otherWriter };

  // Every state, with a past and a future date where a date is allowed, in and out of the
  // trash (a trashed public story cannot be made through the commands: written directly), by
  // several creators, for one, the other or both organisations.
  const now = Date.now();
  const orgSets = [[lerum.id], [stenungsund.id], [lerum.id, stenungsund.id]];
  const creators = [writer.id, otherWriter.id, stenungsundEditor.id, null];
  let i = 0;
  for (const status of STATES) {
    const dates = status === "DRAFT" || status === "IN_REVIEW" || status === "ARCHIVED" ? [null, now - DAY] : [now - DAY, now + DAY];
    for (const publishedAt of dates) {
      for (const trashed of [false, true]) {
        const story = await createStory(db(), { status, publishedAt: publishedAt === null ? null : new Date(publishedAt), organisationIds: orgSets[i % orgSets.length] });
        await db().story.update({ where: { id: story.id }, data: { createdById: creators[i % creators.length], deletedAt: trashed ? new Date(now - DAY) : null } });
        ids.push(story.id);
        i++;
      }
    }
  }
});

const rows = () =>
  db().story.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, publishedAt: true, deletedAt: true, createdById: true, organisations: { select: { organisation: { select: { id: true } } } } },
  });
const sorted = (list: string[]) => [...list].sort();

describe('"published", defined once', () => {
  it("the predicate, the Prisma where and the SQL agree on every row", async () => {
    const now = new Date();
    const all = await rows();
    const byPredicate = all.filter((s) => isPublished(s, now)).map((s) => s.id);
    const byWhere = (await db().story.findMany({ where: { AND: [publishedStoryWhere(now), { id: { in: ids } }] }, select: { id: true } })).map((s) => s.id);
    const bySql = (await db().$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM story WHERE ${publishedStorySql("story")} AND id::text IN (${Prisma.join(ids)})`).map((r) => r.id);
    // The rows tell the answers apart: of the two stories published yesterday, the trashed one is not public.
    expect(byPredicate).toHaveLength(1);
    expect(sorted(byWhere)).toEqual(sorted(byPredicate));
    expect(sorted(bySql)).toEqual(sorted(byPredicate));
    // The same at another moment: a story published "tomorrow" is published the day after.
    const later = new Date(now.getTime() + 2 * DAY);
    const laterByWhere = (await db().story.findMany({ where: { AND: [publishedStoryWhere(later), { id: { in: ids } }] }, select: { id: true } })).map((s) => s.id);
    expect(sorted(laterByWhere)).toEqual(sorted(all.filter((s) => isPublished(s, later)).map((s) => s.id)));
    expect(laterByWhere).toHaveLength(2);
  });
});

describe("who may see a story in the newsroom, one rule", () => {
  it("can(actor, 'story.view') and the lists' where agree on every row, for every kind of actor", async () => {
    const all = await rows();
    for (const [name, actor] of Object.entries(actors)) {
      const byCheck = all.filter((s) => can(actor, "story.view", { story: accessOf(s) })).map((s) => s.id);
      const byWhere = (await db().story.findMany({ where: { AND: [await visibleStoriesWhere(db(), actor), { id: { in: ids } }] }, select: { id: true } })).map((s) => s.id);
      expect(sorted(byWhere), name).toEqual(sorted(byCheck));
    }
  });

  it("the rows tell the actors apart", async () => {
    const all = await rows();
    const seen = (actor: Actor) => all.filter((s) => can(actor, "story.view", { story: accessOf(s) })).length;
    expect(seen(actors.admin!)).toBe(all.length);
    expect(seen(actors.lerumEditor!)).toBeGreaterThan(seen(actors.writer!));
    expect(seen(actors.writer!)).toBeGreaterThan(0);
    expect(seen(actors.editorWithoutOrganisation!)).toBe(0);
    expect(seen(actors.stenungsundEditor!)).toBeGreaterThan(0);
    expect(seen(actors.stenungsundEditor!)).toBeLessThan(all.length);
  });
});
