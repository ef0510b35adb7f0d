"use client";

import type { Editor } from "@tiptap/react";
import Image from "next/image";
import { CheckboxGroup, RadioGroup, SelectField, TextField } from "@/components/admin/form";
import { buttonClass } from "@/components/admin/styles";
import { storyPath } from "@/lib/paths";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { slugify } from "@/lib/slug";
import { CHANGE_NOTE_MAX, META_DESCRIPTION_MAX } from "@/lib/validation/story";
import type { PickedImage } from "./media-picker";
import { RichTextEditor, type PickImage } from "./rich-text-editor";
import type { StoryDraft, StoryForm } from "./use-story-draft";

type Option = { value: string; label: string };
export type EditorOptions = { organisations: Option[]; topics: Option[]; people: Option[]; series: Option[]; networks: Option[] };

/** The story's own fields: what it says, what it is about, and (once published) what kind of change this is. */
type Props = { draft: StoryDraft; options: EditorOptions; pickImage: PickImage; pickHero: () => Promise<PickedImage | null>; onBodyEditor?: (editor: Editor | null) => void };

export function StoryFieldsSection({ draft, options, pickImage, pickHero, onBodyEditor }: Props) {
  const { form, set, errors, isPublic, slugCheck, hero } = draft;
  // The address as the save will store it: typed slugs are normalised like titles.
  const publicPath = storyPath({ kind: form.kind, slug: slugify(form.slug) || slugify(form.title) || "x" });

  const chooseHero = async () => {
    const image = await pickHero();
    if (image) draft.chooseHero({ id: image.mediaId, src: image.src, alt: image.alt, width: image.width, height: image.height });
  };

  return (
    <fieldset disabled={draft.readOnly} className="min-w-0 space-y-5">
      <legend className="sr-only">Artikelns innehåll</legend>
      <RadioGroup name="kind" legend="Typ av artikel" value={form.kind} onValueChange={(v) => set("kind", v as StoryForm["kind"])} options={[{ value: "NEWS", label: "Nyhet" }, { value: "INTERVIEW", label: "Intervju" }]} />
      <TextField name="title" label="Rubrik" value={form.title} onValueChange={(v) => set("title", v)} error={errors.title} required />
      <TextField
        name="slug"
        label="Adress (slug)"
        value={form.slug}
        onValueChange={draft.setSlugByHand}
        error={errors.slug}
        hint={
          <>
            Artikeln får adressen <span className="font-mono">{publicPath}</span>.{" "}
            {slugCheck?.clash ? (
              <strong className="text-red-800">
                Adressen används redan av ”{slugCheck.clash}”.{isPublic ? " Välj en annan." : " Utkastet får en siffra på slutet när du sparar, om du inte väljer en annan."}
              </strong>
            ) : slugCheck ? (
              "Adressen är ledig."
            ) : null}
            {isPublic ? " Ändrar du adressen fortsätter den gamla att leda hit." : null}
          </>
        }
      />
      <TextField name="lead" label="Ingress" value={form.lead} onValueChange={(v) => set("lead", v)} error={errors.lead} rows={3} required />
      <div>
        <p id="brodtext-etikett" className="font-semibold">
          Brödtext
        </p>
        {errors.body ? (
          <p id="falt-body-fel" className="mt-1 text-sm font-semibold text-red-800">
            {errors.body}
          </p>
        ) : null}
        <div id="falt-body" className="mt-1">
          <RichTextEditor
            key={draft.bodyStart.key}
            initial={draft.bodyStart.doc as RichTextDoc}
            labelId="brodtext-etikett"
            errorId={errors.body ? "falt-body-fel" : undefined}
            invalid={!!errors.body}
            onChange={draft.setBody}
            pickImage={pickImage}
            onEditor={onBodyEditor}
          />
        </div>
      </div>

      <div>
        <p className="font-semibold" id="huvudbild-etikett">
          Huvudbild
        </p>
        {hero ? (
          <figure className="mt-2 max-w-sm">
            <Image unoptimized src={hero.src} alt={hero.alt} width={hero.width} height={hero.height} className="h-auto w-full rounded" />
            <figcaption className="text-sm text-slate-700">Alt-text: {hero.alt}</figcaption>
          </figure>
        ) : (
          <p className="text-sm text-slate-700">Ingen huvudbild vald.</p>
        )}
        <div className="mt-2 flex gap-2">
          <button id="falt-heroImageId" type="button" onClick={() => void chooseHero()} className={buttonClass("secondary")} aria-describedby="huvudbild-etikett">
            {hero ? "Byt huvudbild" : "Välj huvudbild"}
          </button>
          {hero ? (
            <button type="button" className={buttonClass("secondary")} onClick={() => draft.chooseHero(null)}>
              Ta bort huvudbilden
            </button>
          ) : null}
        </div>
      </div>

      <CheckboxGroup name="organisationIds" legend="Organisationer som artikeln handlar om" options={options.organisations} values={form.organisationIds} onValuesChange={(v) => set("organisationIds", v)} error={errors.organisationIds} />
      <CheckboxGroup name="intervieweeIds" legend={form.kind === "INTERVIEW" ? "Intervjuade personer" : "Intervjuade personer (för intervjuer)"} options={options.people} values={form.intervieweeIds} onValuesChange={(v) => set("intervieweeIds", v)} error={errors.intervieweeIds} />
      <CheckboxGroup name="topicIds" legend="Ämnen" options={options.topics} values={form.topicIds} onValuesChange={(v) => set("topicIds", v)} error={errors.topicIds} />
      <CheckboxGroup name="networkIds" legend="Nätverk och program" options={options.networks} values={form.networkIds} onValuesChange={(v) => set("networkIds", v)} error={errors.networkIds} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="seriesId" label="Serie" value={form.seriesId} onValueChange={(v) => set("seriesId", v)} options={options.series} emptyLabel="Ingen serie" error={errors.seriesId} />
        <TextField name="seriesPosition" label="Del i serien" value={form.seriesPosition} onValueChange={(v) => set("seriesPosition", v)} error={errors.seriesPosition} inputMode="numeric" />
      </div>
      <TextField
        name="metaDescription"
        label="Metabeskrivning (för sökmotorer)"
        value={form.metaDescription}
        onValueChange={(v) => set("metaDescription", v)}
        error={errors.metaDescription}
        rows={2}
        hint={
          <span className={form.metaDescription.length > META_DESCRIPTION_MAX ? "font-semibold text-red-800" : undefined}>
            {form.metaDescription.length} av högst {META_DESCRIPTION_MAX} tecken. Tom betyder att ingressen används.
          </span>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="pageOwner" label="Sidansvarig" value={form.pageOwner} onValueChange={(v) => set("pageOwner", v)} error={errors.pageOwner} />
        <TextField name="byline" label="Byline" value={form.byline} onValueChange={(v) => set("byline", v)} error={errors.byline} />
      </div>

      {isPublic ? <UpdateKind draft={draft} /> : null}

      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => void draft.save()} disabled={draft.saving} className={buttonClass("primary")}>
          {isPublic ? "Spara och publicera ändringarna" : "Spara"}
        </button>
      </div>
    </fieldset>
  );
}

/** A published story's change: minor (no new date), or a real update with a note for readers. */
function UpdateKind({ draft }: { draft: StoryDraft }) {
  const { updateKind, setUpdateKind, changeNote } = draft;
  return (
    <fieldset className="rounded border border-amber-600 bg-amber-50 p-4">
      <legend className="px-1 font-semibold">Artikeln är publicerad: vilken sorts ändring är det?</legend>
      <label className="mt-2 flex items-start gap-2">
        <input type="radio" name="updateKind" checked={updateKind === "minor"} onChange={() => setUpdateKind("minor")} className="mt-1 size-4" />
        <span>Mindre ändring (stavfel, en länk). Datumet för senaste uppdatering ändras inte.</span>
      </label>
      <label className="mt-2 flex items-start gap-2">
        <input type="radio" name="updateKind" checked={updateKind === "major"} onChange={() => setUpdateKind("major")} className="mt-1 size-4" />
        <span>Uppdatering som läsarna ska känna till. Sidan visar ”Uppdaterad” med din notering.</span>
      </label>
      {updateKind === "major" ? (
        <div className="mt-3">
          <TextField name="changeNote" label="Vad har ändrats? (visas för läsarna)" value={changeNote} onValueChange={draft.setChangeNote} error={draft.errors.changeNote} rows={2} required hint={`${changeNote.length} av högst ${CHANGE_NOTE_MAX} tecken.`} />
        </div>
      ) : null}
    </fieldset>
  );
}
