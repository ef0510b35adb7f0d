import type { Metadata } from "next";
import { StoryEditor } from "@/components/admin/editor/story-editor";
import { getStoryForEdit, storyOptions } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { requireActor } from "@/lib/newsroom/actor";
import { loadStoryPage } from "../story-guard";

export const metadata: Metadata = { title: "Redigera artikel" };

type Props = { params: Promise<{ id: string }> };

export default async function EditStoryPage({ params }: Props) {
  const { data: story } = await loadStoryPage(params, (actor, id) => getStoryForEdit(db(), actor, id));
  const [options, actor] = await Promise.all([storyOptions(db()), requireActor()]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{story.fields.title || "Namnlös artikel"}</h1>
      <p className="mb-6 text-sm text-slate-700">
        Skapad av {story.createdBy ?? "okänd"}
        {story.deletedAt ? " · Ligger i papperskorgen" : ""}
      </p>
      {story.changeNotes.length ? (
        <details className="mb-6">
          <summary className="cursor-pointer font-semibold">Tidigare uppdateringar ({story.changeNotes.length})</summary>
          <ul className="mt-2 list-disc pl-6">
            {story.changeNotes.map((c) => (
              <li key={c.createdAt}>
                {new Date(c.createdAt).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })}: {c.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <StoryEditor userId={actor.id} options={options} story={{ ...story, can: story.deletedAt ? { edit: false, submit: false, publish: false, delete: false } : story.can }} />
    </>
  );
}
