// Newsroom benchmark: `npm run bench:newsroom`. The data functions behind the newsroom's story
// list, editor, save (with its revision) and the scheduler's tick, against the deterministic
// 100 000-story data set. Results go in docs/performance.md.
import { storyFieldsInput, createActor } from "@/tests/factories";
import { timeCases, withGeneratedDatabase } from "./lib/harness";

await withGeneratedDatabase(async () => {
  // Imported after DATABASE_URL is set: the data functions read it lazily.
  const { db } = await import("@/lib/db/client");
  const { getStoryForEdit, listAdminStories, listRevisions, storyOptions } = await import("@/lib/db/admin-stories");
  const { runScheduledWork, saveStory } = await import("@/lib/db/editorial");

  const municipality = await db().organisation.findFirstOrThrow({ where: { slug: "genkommun-42" } });
  const admin = await createActor(db(), { role: "ADMIN" });
  const editor = await createActor(db(), { role: "EDITOR", organisationIds: [municipality.id] });
  const created = await saveStory(db(), editor, { id: null, version: 0, fields: storyFieldsInput({ organisationIds: [municipality.id] }) });
  if (!created.ok) throw new Error(`could not create the benchmark story: ${JSON.stringify(created)}`);
  let version = created.value.version;
  const id = created.value.id;
  let n = 0;

  await timeCases(
    [
      ["list: all stories, page 1 (administrator)", () => listAdminStories(db(), admin, {}, 1, 25)],
      ["list: an editor's organisation, page 1", () => listAdminStories(db(), editor, {}, 1, 25)],
      ["list: title search \"hamnen\" (administrator)", () => listAdminStories(db(), admin, { q: "hamnen" }, 1, 25)],
      ["list: published interviews of a municipality, page 4", () => listAdminStories(db(), admin, { status: "PUBLISHED", kind: "INTERVIEW", organisationId: municipality.id }, 4, 25)],
      ["editor: choices (organisations, people, topics …)", () => storyOptions(db())],
      ["editor: load a story", () => getStoryForEdit(db(), editor, id)],
      [
        "save: a draft, with its revision",
        async () => {
          const r = await saveStory(db(), editor, { id, version, fields: storyFieldsInput({ title: `Benchmark ${++n}`, organisationIds: [municipality.id] }) });
          if (!r.ok) throw new Error("save failed");
          version = r.value.version;
        },
      ],
      ["history: list revisions", () => listRevisions(db(), editor, id)],
      ["scheduler: a tick with nothing due", () => runScheduledWork(db())],
    ],
    "newsroom operation",
  );
});
