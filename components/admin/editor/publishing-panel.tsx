"use client";

import type { Editor } from "@tiptap/react";
import Link from "next/link";
import { useState } from "react";
import { buttonClass } from "@/components/admin/styles";
import { STATUS_LABELS } from "@/lib/newsroom/labels";
import { storyPath } from "@/lib/paths";
import { OVERRIDE_REASON_MIN, type PublishCheck } from "@/lib/validation/publish-checks";
import { PublishChecksPanel } from "./publish-checks-panel";
import type { StoryDraft } from "./use-story-draft";

/** The story's state and the steps the actor may take from it, as the server last said. */
export function PublishingPanel({ draft, checks, bodyEditor }: { draft: StoryDraft; checks: PublishCheck[]; bodyEditor: Editor | null }) {
  const { id, status, can, saving, dirty, errors } = draft;
  const [scheduleAt, setScheduleAt] = useState("");
  const [overrideReason, setOverrideReason] = useState("");
  // While the check finds errors, publishing sends the editor's reason for overriding them.
  const blocked = checks.some((c) => c.level === "error");
  const mayOverride = blocked && can.publish && status !== "PUBLISHED" && !draft.readOnly;
  const override = mayOverride ? { overrideReason } : {};
  const overriding = mayOverride && overrideReason.trim().length >= OVERRIDE_REASON_MIN;
  const previewHref = id ? `/admin/artiklar/${id}/forhandsvisa` : "";
  // Unsaved changes of a story past draft open in a new tab: the editor keeps them meanwhile.
  const previewBeside = dirty && status !== "DRAFT" && !draft.readOnly;

  return (
    <aside aria-labelledby="publicering-rubrik" className="space-y-4 self-start rounded border border-slate-300 p-4">
      <h2 id="publicering-rubrik" className="text-lg font-bold">
        Publicering
      </h2>
      <p>
        Status: <strong>{STATUS_LABELS[status] ?? status}</strong>
        {status === "SCHEDULED" && draft.publishedAt ? (
          <>
            {" "}
            till {new Date(draft.publishedAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "long", timeStyle: "short" })}
          </>
        ) : null}
      </p>
      <PublishChecksPanel checks={checks} editor={bodyEditor} override={mayOverride ? { reason: overrideReason, setReason: setOverrideReason, error: errors.overrideReason } : null} />
      {id ? (
        <ul className="space-y-1">
          <li>
            <a
              href={previewHref}
              data-ignore-unsaved
              target={previewBeside ? "_blank" : undefined}
              onClick={(e) => {
                if (!dirty || draft.readOnly) return;
                e.preventDefault();
                void draft.preview(previewHref);
              }}
            >
              Förhandsvisa
            </a>
            {previewBeside ? <span className="block text-sm text-slate-700">Öppnas i en ny flik och visar dina osparade ändringar. Webbplatsen ändras inte.</span> : null}
          </li>
          <li>
            <Link href={`/admin/artiklar/${id}/historik`}>Versioner och historik</Link>
          </li>
          {draft.isPublic ? (
            <li>
              <a href={storyPath({ kind: draft.form.kind, slug: draft.form.slug })}>Visa på webbplatsen</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="flex flex-col gap-2">
        {can.submit && status === "DRAFT" && !can.publish ? (
          <button type="button" className={buttonClass("primary")} disabled={saving} onClick={() => void draft.step("submitForReview")}>
            Skicka för granskning
          </button>
        ) : null}
        {can.publish && status !== "PUBLISHED" ? (
          <button type="button" className={buttonClass("primary")} disabled={saving} onClick={() => void draft.step("publishStory", override)}>
            {overriding ? "Publicera ändå" : "Publicera nu"}
          </button>
        ) : null}
        {can.publish && status === "IN_REVIEW" ? (
          <button type="button" className={buttonClass("secondary")} disabled={saving} onClick={() => void draft.step("returnToDraft")}>
            Skicka tillbaka till skribenten
          </button>
        ) : null}
      </div>
      {can.publish && status !== "PUBLISHED" ? (
        <div className="rounded border border-slate-200 p-3">
          <label htmlFor="falt-at" className="block font-semibold">
            Publicera vid (svensk tid)
          </label>
          <input
            id="falt-at"
            type="datetime-local"
            value={scheduleAt}
            onChange={(e) => setScheduleAt(e.target.value)}
            aria-invalid={errors.at ? true : undefined}
            aria-describedby={errors.at ? "falt-at-fel" : undefined}
            className="mt-1 w-full rounded border border-slate-500 px-2 py-1"
          />
          {errors.at ? (
            <p id="falt-at-fel" className="mt-1 text-sm font-semibold text-red-800">
              {errors.at}
            </p>
          ) : null}
          <button type="button" className={`${buttonClass("secondary")} mt-2`} disabled={saving} onClick={() => void draft.step("publishStory", { at: scheduleAt, ...override })}>
            Schemalägg
          </button>
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        {can.publish && (status === "PUBLISHED" || status === "SCHEDULED") ? (
          <button type="button" className={buttonClass("secondary")} disabled={saving} onClick={() => void draft.step("unpublishStory", {}, status === "PUBLISHED" ? "Avpublicera artikeln? Den försvinner från webbplatsen." : undefined)}>
            {status === "SCHEDULED" ? "Avbryt schemaläggningen" : "Avpublicera"}
          </button>
        ) : null}
        {can.publish && status !== "ARCHIVED" && id ? (
          <button type="button" className={buttonClass("secondary")} disabled={saving} onClick={() => void draft.step("archiveStory", {}, "Arkivera artikeln? Den tas bort från webbplatsen men finns kvar i redaktionen.")}>
            Arkivera
          </button>
        ) : null}
        {can.delete && id ? (
          <button type="button" className={buttonClass("danger")} disabled={saving} onClick={() => void draft.step("trashStory", {}, "Flytta artikeln till papperskorgen? Den kan återställas i 30 dagar.")}>
            Flytta till papperskorgen
          </button>
        ) : null}
      </div>
    </aside>
  );
}
