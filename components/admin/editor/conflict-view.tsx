"use client";

import { FieldDiffList } from "@/components/admin/field-diff";
import { buttonClass } from "@/components/admin/styles";
import type { StoryConflict } from "@/lib/db/editorial";
import { diffStories } from "@/lib/newsroom/story-diff";
import type { StoryFields } from "@/lib/validation/story";

/** A save based on an old version: the newer saved one beside this editor's, and the two ways on. */
export function ConflictView({ conflict, mine, names, onUseTheirs, onKeepMine }: { conflict: StoryConflict; mine: StoryFields; names: Record<string, string>; onUseTheirs: () => void; onKeepMine: () => void }) {
  const diff = diffStories(conflict.fields, mine, names);
  return (
    <section aria-labelledby="konflikt-rubrik" className="mb-6 rounded border-2 border-red-700 p-4">
      <h2 id="konflikt-rubrik" className="text-xl font-bold">
        Konflikt: artikeln har sparats av {conflict.updatedBy ?? "någon annan"}
      </h2>
      <p className="mt-1">
        Den sparade versionen är från {new Date(conflict.updatedAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" })}. Nedan syns skillnaderna mellan den sparade versionen och din: borttaget finns bara i den sparade, tillagt bara i din.
      </p>
      <div className="mt-3">
        <FieldDiffList diff={diff} onlyChanged />
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={onKeepMine} className={buttonClass("primary")}>
          Spara min version ovanpå
        </button>
        <button type="button" onClick={onUseTheirs} className={buttonClass("secondary")}>
          Använd den sparade versionen (mina ändringar försvinner)
        </button>
      </div>
    </section>
  );
}
