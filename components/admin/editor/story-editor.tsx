"use client";

import Image from "next/image";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { checkSlugAction, saveStoryAction, storyWorkflowAction, type SaveState } from "@/app/(admin)/admin/artiklar/actions";
import { FieldDiffList } from "@/components/admin/field-diff";
import { buttonClass } from "@/components/admin/styles";
import type { StoryCapabilities } from "@/lib/auth/permissions";
import { STATUS_LABELS } from "@/lib/newsroom/labels";
import { diffStories } from "@/lib/newsroom/story-diff";
import { storyPath } from "@/lib/paths";
import { cleanEditorJson } from "@/lib/rich-text/clean";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { slugify } from "@/lib/slug";
import { CHANGE_NOTE_MAX, META_DESCRIPTION_MAX, parseStoryFields, type StoryFields } from "@/lib/validation/story";
import { useMediaPicker, type PickedImage } from "./media-picker";
import { RichTextEditor } from "./rich-text-editor";
import { localCopyKey, readLocalCopy, removeLocalCopy, writeLocalCopy, type LocalCopy } from "./local-copy";
import { SessionExpiredDialog } from "./session-dialog";

// The story editor. Every typed word lives in this component's state until the server has
// it: a failed save only adds messages; drafts autosave a few seconds after typing stops;
// leaving with unsaved changes asks first; a save based on an old version opens the
// conflict view instead of overwriting someone else's work.

type Option = { value: string; label: string };
export type EditorOptions = { organisations: Option[]; topics: Option[]; people: Option[]; series: Option[]; networks: Option[] };
type Hero = { id: string; src: string; alt: string; width: number; height: number } | null;

export type EditorStory = {
  id: string | null;
  version: number;
  status: string;
  publishedAt: string | null;
  fields: StoryFields;
  heroImage: Hero;
  can: StoryCapabilities;
};

type Form = {
  kind: "NEWS" | "INTERVIEW";
  title: string;
  slug: string;
  lead: string;
  heroImageId: string | null;
  organisationIds: string[];
  topicIds: string[];
  intervieweeIds: string[];
  networkIds: string[];
  seriesId: string;
  seriesPosition: string;
  metaDescription: string;
  pageOwner: string;
  byline: string;
};

const AUTOSAVE_DELAY_MS = 3000;

function formOf(f: StoryFields): Form {
  return {
    kind: f.kind,
    title: f.title,
    slug: f.slug,
    lead: f.lead,
    heroImageId: f.heroImageId,
    organisationIds: [...f.organisationIds],
    topicIds: [...f.topicIds],
    intervieweeIds: [...f.intervieweeIds],
    networkIds: [...f.networkIds],
    seriesId: f.seriesId ?? "",
    seriesPosition: f.seriesPosition ? String(f.seriesPosition) : "",
    metaDescription: f.metaDescription ?? "",
    pageOwner: f.pageOwner ?? "",
    byline: f.byline ?? "",
  };
}

function fieldsOf(form: Form, body: unknown) {
  return {
    ...form,
    body: cleanEditorJson(body),
    seriesId: form.seriesId || null,
    seriesPosition: form.seriesPosition.trim() === "" ? null : Number(form.seriesPosition),
  };
}

type Draft = { form: Form; body: unknown };

/** An earlier version to load as unsaved changes (from the history's "Läs in i redigeraren"). */
export type EditorRestore = { version: number; fields: StoryFields; heroImage: Hero };

export function StoryEditor({ story, options, userId, restore }: { story: EditorStory; options: EditorOptions; userId: string; restore?: EditorRestore }) {
  const router = useRouter();
  const [id, setId] = useState(story.id);
  // What the server has: the story's id and the version the next save builds on. A ref, so a
  // save queued behind another (autosave, then a click on Spara) builds on the newest version.
  const persisted = useRef({ id: story.id, version: story.version });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [status, setStatus] = useState(story.status);
  // From the server after every save and step, never guessed here.
  const [can, setCan] = useState(story.can);
  const [publishedAt, setPublishedAt] = useState(story.publishedAt);
  // A restored version keeps the story's current address unless the user chooses its own.
  const [form, setForm] = useState<Form>(() => formOf(restore ? { ...restore.fields, slug: story.fields.slug } : story.fields));
  const body = useRef<unknown>(restore ? restore.fields.body : story.fields.body);
  // The body editor starts from this; a restored local copy remounts it (bodyKey).
  const [bodyStart, setBodyStart] = useState<{ key: number; doc: unknown }>(() => ({ key: 0, doc: restore ? restore.fields.body : story.fields.body }));
  // Unsaved work this browser kept from an earlier visit, offered back once.
  const [offer, setOffer] = useState<LocalCopy<Draft> | null>(null);
  const formNow = useRef(form);
  useEffect(() => {
    formNow.current = form;
  }, [form]);
  const localTimer = useRef<number | undefined>(undefined);
  const [hero, setHero] = useState<Hero>(restore ? restore.heroImage : story.heroImage);
  const [slugTouched, setSlugTouched] = useState(!!story.id);
  const [slugCheck, setSlugCheck] = useState<{ slug: string; clash: string | null } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The session ended: autosave waits, and the dialog asks to sign in again (closable).
  const [sessionExpired, setSessionExpired] = useState(false);
  const [sessionDialog, setSessionDialog] = useState(false);
  const [notice, setNotice] = useState<string | null>(() =>
    restore
      ? `Version ${restore.version} är inläst men inte sparad.${story.status === "PUBLISHED" ? " Webbplatsen ändras först när du väljer ”Spara och publicera ändringarna”." : " Den blir en ny version av utkastet när den sparas."}`
      : null,
  );
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(!!restore);
  // The newer saved version, and what this editor tried to save over it.
  const [conflict, setConflict] = useState<{ theirs: NonNullable<SaveState["conflict"]>; mine: StoryFields } | null>(null);
  const [updateKind, setUpdateKind] = useState<"minor" | "major">("minor");
  const [changeNote, setChangeNote] = useState("");
  const [scheduleAt, setScheduleAt] = useState("");
  const changeSeq = useRef(0);
  // Set when the editor itself reloads the page (after choosing the saved version in a conflict).
  const leaving = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const picker = useMediaPicker();
  const heroPicker = useMediaPicker();
  const isPublic = status === "PUBLISHED";
  const readOnly = !can.edit;

  const names = useMemo(() => {
    const map: Record<string, string> = {};
    for (const list of Object.values(options)) for (const o of list) map[o.value] = o.label;
    if (hero) map[hero.id] = hero.alt;
    return map;
  }, [options, hero]);

  // Every change is also kept in this browser, a moment after it is made.
  const touch = useCallback(() => {
    changeSeq.current += 1;
    setDirty(true);
    window.clearTimeout(localTimer.current);
    localTimer.current = window.setTimeout(() => {
      writeLocalCopy<Draft>(localCopyKey(userId, persisted.current.id), { savedAt: Date.now(), baseVersion: persisted.current.version, value: { form: formNow.current, body: body.current } });
    }, 300);
  }, [userId]);

  // A copy left by an earlier visit (a crash, a reload, a sign-out): offered unless it holds
  // nothing the server does not.
  useEffect(() => {
    if (!story.can.edit) return;
    const key = localCopyKey(userId, story.id);
    const copy = readLocalCopy<Draft>(key);
    if (!copy) return;
    const same = JSON.stringify(fieldsOf(copy.value.form, copy.value.body)) === JSON.stringify(fieldsOf(formOf(story.fields), story.fields.body));
    if (same) removeLocalCopy(key);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage can only be read after hydration; the server's render cannot know it
    else setOffer(copy);
  }, [userId, story.id, story.fields, story.can.edit]);

  const restoreLocalCopy = () => {
    if (!offer) return;
    setForm(offer.value.form);
    body.current = offer.value.body;
    setBodyStart((b) => ({ key: b.key + 1, doc: offer.value.body }));
    setSlugTouched(true);
    setOffer(null);
    touch();
    setNotice("Ändringarna från webbläsarens kopia är tillbaka. Spara när du har sett över dem.");
  };

  const discardLocalCopy = () => {
    removeLocalCopy(localCopyKey(userId, story.id));
    setOffer(null);
  };

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      // Until the slug is edited by hand (or the story is saved), it follows the title.
      if (key === "title" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
    touch();
  };

  // Warn before leaving with unsaved changes: closing the tab, and links inside the app.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!leaving.current) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]");
      if (!a || a.getAttribute("target") === "_blank" || a.hasAttribute("data-ignore-unsaved")) return;
      if (!window.confirm("Du har ändringar som inte är sparade. Vill du lämna sidan ändå?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  // Show a slug clash before saving.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!form.slug && !form.title) return setSlugCheck(null);
      checkSlugAction({ slug: form.slug, title: form.title, storyId: id })
        .then(setSlugCheck)
        .catch(() => setSlugCheck(null));
    }, 400);
    return () => clearTimeout(timer);
  }, [form.slug, form.title, id]);

  const saveNow = useCallback(
    async (opts: { autosave?: boolean; baseVersion?: number } = {}): Promise<string | null> => {
      const fields = fieldsOf(form, body.current);
      const parsed = parseStoryFields(fields);
      if (!parsed.ok) {
        setErrors(parsed.fieldErrors);
        if (opts.autosave) setNotice("Utkastet kunde inte sparas automatiskt. Rätta fälten som är markerade.");
        else {
          setFormError("Artikeln kunde inte sparas. Rätta fälten som är markerade.");
          summaryRef.current?.focus();
        }
        return null;
      }
      setSaving(true);
      const seq = changeSeq.current;
      try {
        const res = await saveStoryAction({
          id: persisted.current.id,
          version: opts.baseVersion ?? persisted.current.version,
          autosave: !!opts.autosave,
          fields,
          update: isPublic ? (updateKind === "major" ? { updateKind, changeNote } : { updateKind }) : undefined,
        });
        if (res.sessionExpired) {
          setSessionExpired(true);
          // Not over the text while the user types: an autosave only says so above the form.
          if (!opts.autosave) setSessionDialog(true);
          setFormError(res.error ?? null);
          return null;
        }
        setSessionExpired(false);
        if (res.conflict) {
          setConflict({ theirs: res.conflict, mine: fields as StoryFields });
          setFormError(res.error ?? null);
          return null;
        }
        if (!res.ok || !res.value) {
          setErrors(res.fieldErrors ?? {});
          setFormError(res.error ?? "Artikeln kunde inte sparas.");
          if (!opts.autosave) summaryRef.current?.focus();
          return null;
        }
        const saved = res.value;
        setErrors({});
        setFormError(null);
        setConflict(null);
        const created = !persisted.current.id;
        persisted.current = { id: saved.id, version: saved.version };
        setCan(saved.can);
        setForm((f) => ({ ...f, slug: saved.slug }));
        setSlugTouched(true);
        if (created) {
          setId(saved.id);
          window.history.replaceState(null, "", `/admin/artiklar/${saved.id}`);
        }
        if (created) removeLocalCopy(localCopyKey(userId, null));
        // The server has everything the local copy held, unless typing went on meanwhile.
        if (changeSeq.current === seq) {
          setDirty(false);
          window.clearTimeout(localTimer.current);
          removeLocalCopy(localCopyKey(userId, saved.id));
        }
        if (isPublic) {
          setUpdateKind("minor");
          setChangeNote("");
        }
        setNotice(`${res.message ?? "Sparat."} ${new Date(saved.savedAt).toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit" })}`);
        return saved.id;
      } catch {
        setFormError("Artikeln kunde inte sparas just nu. Dina ändringar finns kvar här; försök igen om en stund.");
        return null;
      } finally {
        setSaving(false);
      }
    },
    [form, isPublic, updateKind, changeNote, userId],
  );

  /** Saves one at a time, in order. */
  const save = useCallback(
    (opts: { autosave?: boolean; baseVersion?: number } = {}): Promise<string | null> => {
      const run = queue.current.then(() => saveNow(opts));
      queue.current = run.catch(() => null);
      return run;
    },
    [saveNow],
  );

  // Autosave drafts (never a published story: its changes go live only when asked).
  useEffect(() => {
    // A draft saves however incomplete, once something has been written in it.
    const written = form.title.trim() || form.lead.trim() || JSON.stringify(body.current).includes('"text"');
    if (!dirty || readOnly || isPublic || saving || conflict || sessionExpired || !written) return;
    const timer = setTimeout(() => void save({ autosave: true }), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, form, readOnly, isPublic, saving, conflict, sessionExpired, save]);

  const step = async (name: Parameters<typeof storyWorkflowAction>[0], extra: { at?: string } = {}, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    let storyId = persisted.current.id;
    if (!readOnly && (dirty || !storyId)) {
      storyId = await save();
      if (!storyId) return;
    }
    if (!storyId) return;
    setSaving(true);
    try {
      const res = await storyWorkflowAction(name, { id: storyId, ...extra });
      if (res.sessionExpired) {
        setSessionExpired(true);
        setSessionDialog(true);
      }
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setFormError(res.error ?? "Det gick inte.");
        summaryRef.current?.focus();
        return;
      }
      setErrors({});
      setFormError(null);
      if (name === "trashStory") {
        setDirty(false);
        window.clearTimeout(localTimer.current);
        removeLocalCopy(localCopyKey(userId, storyId));
        router.push("/admin/papperskorg");
        return;
      }
      if (res.value) {
        setStatus(res.value.status);
        setCan(res.value.can);
        persisted.current = { id: storyId, version: res.value.version };
        setPublishedAt(res.value.publishedAt);
      }
      setNotice(res.message ?? "Klart.");
    } finally {
      setSaving(false);
    }
  };

  const pickHero = async () => {
    const image = await heroPicker.pick();
    if (!image) return;
    setHero({ id: image.mediaId, src: image.src, alt: image.alt, width: image.width, height: image.height });
    set("heroImageId", image.mediaId);
  };

  const errorEntries = Object.entries(errors);
  // The address as the save will store it: typed slugs are normalised like titles.
  const publicPath = storyPath({ kind: form.kind, slug: slugify(form.slug) || slugify(form.title) || "x" });

  return (
    <div>
      {picker.dialog}
      {heroPicker.dialog}
      <SessionExpiredDialog
        open={sessionDialog}
        onClose={() => setSessionDialog(false)}
        onRetry={() => {
          setSessionDialog(false);
          void save();
        }}
      />
      {restore && restore.fields.slug !== story.fields.slug ? (
        <p className="mb-4 rounded border-l-4 border-sky-700 bg-sky-50 p-3">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={form.slug === restore.fields.slug} onChange={(e) => set("slug", e.target.checked ? restore.fields.slug : story.fields.slug)} />
            <span>
              Använd versionens adress <span className="font-mono">{restore.fields.slug}</span> i stället för den nuvarande <span className="font-mono">{story.fields.slug}</span>.
            </span>
          </label>
        </p>
      ) : null}
      {offer ? (
        <section aria-labelledby="lokal-kopia-rubrik" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <h2 id="lokal-kopia-rubrik" className="font-semibold">
            Osparade ändringar finns kvar
          </h2>
          <p className="mt-1">
            Den här webbläsaren har ändringar från {new Date(offer.savedAt).toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" })} som aldrig sparades.
            {offer.baseVersion < story.version ? " Artikeln har sparats på nytt sedan dess: se över ändringarna innan du sparar." : ""}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={buttonClass("primary")} onClick={restoreLocalCopy}>
              Återställ ändringarna
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={discardLocalCopy}>
              Släng dem
            </button>
          </div>
        </section>
      ) : null}
      <div ref={summaryRef} tabIndex={-1} className="outline-none">
        {formError ? (
          <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            <p className="font-semibold">{formError}</p>
            {errorEntries.length ? (
              <ul className="mt-2 list-disc pl-6">
                {errorEntries.map(([field, message]) => (
                  <li key={field}>
                    <a href={`#falt-${field}`} data-ignore-unsaved className="text-red-900">
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <p aria-live="polite" className="mb-4 min-h-6 text-sm text-slate-700">
        {saving ? "Sparar …" : notice}
        {dirty && !saving ? " Osparade ändringar." : null}
      </p>

      {conflict ? (
        <ConflictView
          conflict={conflict.theirs}
          mine={conflict.mine}
          names={names}
          onUseTheirs={() => {
            leaving.current = true;
            window.location.reload();
          }}
          onKeepMine={() => void save({ baseVersion: conflict.theirs.version })}
        />
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <fieldset disabled={readOnly} className="min-w-0 space-y-5">
          <legend className="sr-only">Artikelns innehåll</legend>
          <Radio name="kind" legend="Typ av artikel" value={form.kind} onChange={(v) => set("kind", v as Form["kind"])} options={[{ value: "NEWS", label: "Nyhet" }, { value: "INTERVIEW", label: "Intervju" }]} />
          <Text id="title" label="Rubrik" value={form.title} onChange={(v) => set("title", v)} error={errors.title} required />
          <Text
            id="slug"
            label="Adress (slug)"
            value={form.slug}
            onChange={(v) => {
              setSlugTouched(true);
              set("slug", v);
            }}
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
          <Text id="lead" label="Ingress" value={form.lead} onChange={(v) => set("lead", v)} error={errors.lead} rows={3} required />
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
                key={bodyStart.key}
                initial={bodyStart.doc as RichTextDoc}
                labelId="brodtext-etikett"
                errorId={errors.body ? "falt-body-fel" : undefined}
                invalid={!!errors.body}
                onChange={(json) => {
                  body.current = json;
                  touch();
                }}
                pickImage={picker.pick as () => Promise<PickedImage | null>}
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
              <button type="button" onClick={pickHero} className={buttonClass("secondary")} aria-describedby="huvudbild-etikett">
                {hero ? "Byt huvudbild" : "Välj huvudbild"}
              </button>
              {hero ? (
                <button
                  type="button"
                  className={buttonClass("secondary")}
                  onClick={() => {
                    setHero(null);
                    set("heroImageId", null);
                  }}
                >
                  Ta bort huvudbilden
                </button>
              ) : null}
            </div>
          </div>

          <CheckList id="organisationIds" legend="Organisationer som artikeln handlar om" options={options.organisations} values={form.organisationIds} onChange={(v) => set("organisationIds", v)} error={errors.organisationIds} />
          <CheckList id="intervieweeIds" legend={form.kind === "INTERVIEW" ? "Intervjuade personer" : "Intervjuade personer (för intervjuer)"} options={options.people} values={form.intervieweeIds} onChange={(v) => set("intervieweeIds", v)} error={errors.intervieweeIds} />
          <CheckList id="topicIds" legend="Ämnen" options={options.topics} values={form.topicIds} onChange={(v) => set("topicIds", v)} error={errors.topicIds} />
          <CheckList id="networkIds" legend="Nätverk och program" options={options.networks} values={form.networkIds} onChange={(v) => set("networkIds", v)} error={errors.networkIds} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Select id="seriesId" label="Serie" value={form.seriesId} onChange={(v) => set("seriesId", v)} options={options.series} empty="Ingen serie" error={errors.seriesId} />
            <Text id="seriesPosition" label="Del i serien" value={form.seriesPosition} onChange={(v) => set("seriesPosition", v)} error={errors.seriesPosition} inputMode="numeric" />
          </div>
          <Text
            id="metaDescription"
            label="Metabeskrivning (för sökmotorer)"
            value={form.metaDescription}
            onChange={(v) => set("metaDescription", v)}
            error={errors.metaDescription}
            rows={2}
            hint={
              <span className={form.metaDescription.length > META_DESCRIPTION_MAX ? "font-semibold text-red-800" : undefined}>
                {form.metaDescription.length} av högst {META_DESCRIPTION_MAX} tecken. Tom betyder att ingressen används.
              </span>
            }
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Text id="pageOwner" label="Sidansvarig" value={form.pageOwner} onChange={(v) => set("pageOwner", v)} error={errors.pageOwner} />
            <Text id="byline" label="Byline" value={form.byline} onChange={(v) => set("byline", v)} error={errors.byline} />
          </div>

          {isPublic ? (
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
                  <Text id="changeNote" label="Vad har ändrats? (visas för läsarna)" value={changeNote} onChange={setChangeNote} error={errors.changeNote} rows={2} required hint={`${changeNote.length} av högst ${CHANGE_NOTE_MAX} tecken.`} />
                </div>
              ) : null}
            </fieldset>
          ) : null}

          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={() => void save()} disabled={saving} className={buttonClass("primary")}>
              {isPublic ? "Spara och publicera ändringarna" : "Spara"}
            </button>
          </div>
        </fieldset>

        <aside aria-labelledby="publicering-rubrik" className="space-y-4 self-start rounded border border-slate-300 p-4">
          <h2 id="publicering-rubrik" className="text-lg font-bold">
            Publicering
          </h2>
          <p>
            Status: <strong>{STATUS_LABELS[status] ?? status}</strong>
            {status === "SCHEDULED" && publishedAt ? (
              <>
                {" "}
                till {new Date(publishedAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "long", timeStyle: "short" })}
              </>
            ) : null}
          </p>
          {id ? (
            <ul className="space-y-1">
              <li>
                {/* A draft is saved first, so the preview shows what is on screen; a story past draft
                    changes only when published, so its preview (the saved version) opens beside the editor. */}
                <a
                  href={`/admin/artiklar/${id}/forhandsvisa`}
                  data-ignore-unsaved
                  target={dirty && status !== "DRAFT" ? "_blank" : undefined}
                  rel={dirty && status !== "DRAFT" ? "noopener" : undefined}
                  onClick={(e) => {
                    if (!dirty || status !== "DRAFT" || readOnly) return;
                    e.preventDefault();
                    const href = e.currentTarget.href;
                    void save().then((saved) => {
                      if (!saved) return;
                      leaving.current = true;
                      window.location.assign(href);
                    });
                  }}
                >
                  Förhandsvisa
                </a>
                {dirty && status !== "DRAFT" ? <span className="block text-sm text-slate-700">Öppnas i en ny flik och visar den sparade versionen.</span> : null}
              </li>
              <li>
                <Link href={`/admin/artiklar/${id}/historik`}>Versioner och historik</Link>
              </li>
              {isPublic ? (
                <li>
                  <a href={publicPath}>Visa på webbplatsen</a>
                </li>
              ) : null}
            </ul>
          ) : null}
          <div className="flex flex-col gap-2">
            {can.submit && status === "DRAFT" && !can.publish ? (
              <button type="button" className={buttonClass("primary")} disabled={saving} onClick={() => void step("submitForReview")}>
                Skicka för granskning
              </button>
            ) : null}
            {can.publish && status !== "PUBLISHED" ? (
              <button type="button" className={buttonClass("primary")} disabled={saving} onClick={() => void step("publishStory")}>
                Publicera nu
              </button>
            ) : null}
            {can.publish && status === "IN_REVIEW" ? (
              <button type="button" className={buttonClass("secondary")} disabled={saving} onClick={() => void step("returnToDraft")}>
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
              <button type="button" className={`${buttonClass("secondary")} mt-2`} disabled={saving} onClick={() => void step("publishStory", { at: scheduleAt })}>
                Schemalägg
              </button>
            </div>
          ) : null}
          <div className="flex flex-col gap-2">
            {can.publish && (status === "PUBLISHED" || status === "SCHEDULED") ? (
              <button type="button" className={buttonClass("secondary")} disabled={saving} onClick={() => void step("unpublishStory", {}, status === "PUBLISHED" ? "Avpublicera artikeln? Den försvinner från webbplatsen." : undefined)}>
                {status === "SCHEDULED" ? "Avbryt schemaläggningen" : "Avpublicera"}
              </button>
            ) : null}
            {can.publish && status !== "ARCHIVED" && id ? (
              <button type="button" className={buttonClass("secondary")} disabled={saving} onClick={() => void step("archiveStory", {}, "Arkivera artikeln? Den tas bort från webbplatsen men finns kvar i redaktionen.")}>
                Arkivera
              </button>
            ) : null}
            {can.delete && id ? (
              <button type="button" className={buttonClass("danger")} disabled={saving} onClick={() => void step("trashStory", {}, "Flytta artikeln till papperskorgen? Den kan återställas i 30 dagar.")}>
                Flytta till papperskorgen
              </button>
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}

function ConflictView({ conflict, mine, names, onUseTheirs, onKeepMine }: { conflict: NonNullable<SaveState["conflict"]>; mine: StoryFields; names: Record<string, string>; onUseTheirs: () => void; onKeepMine: () => void }) {
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

function Text({ id, label, value, onChange, error, hint, rows, required, inputMode }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: ReactNode; rows?: number; required?: boolean; inputMode?: "numeric" }) {
  const fid = `falt-${id}`;
  const describedBy = [hint ? `${fid}-hjalp` : "", error ? `${fid}-fel` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id: fid,
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
    className: "mt-1 w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-red-700",
  };
  return (
    <div>
      <label htmlFor={fid} className="block font-semibold">
        {label}
        {required ? <span className="font-normal text-slate-700"> (obligatoriskt)</span> : null}
      </label>
      {rows ? <textarea {...common} rows={rows} /> : <input {...common} type="text" inputMode={inputMode} />}
      {hint ? (
        <p id={`${fid}-hjalp`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldError id={fid} error={error} />
    </div>
  );
}

function Select({ id, label, value, onChange, options, empty, error }: { id: string; label: string; value: string; onChange: (v: string) => void; options: Option[]; empty: string; error?: string }) {
  const fid = `falt-${id}`;
  return (
    <div>
      <label htmlFor={fid} className="block font-semibold">
        {label}
      </label>
      <select id={fid} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fid}-fel` : undefined} className="mt-1 w-full rounded border border-slate-500 px-3 py-2">
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={fid} error={error} />
    </div>
  );
}

function Radio({ name, legend, value, onChange, options }: { name: string; legend: string; value: string; onChange: (v: string) => void; options: Option[] }) {
  return (
    <fieldset id={`falt-${name}`}>
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-1 flex gap-6">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function CheckList({ id, legend, options, values, onChange, error }: { id: string; legend: string; options: Option[]; values: string[]; onChange: (v: string[]) => void; error?: string }) {
  const [filter, setFilter] = useState("");
  const fid = `falt-${id}`;
  const selected = new Set(values);
  const shown = options.filter((o) => selected.has(o.value) || o.label.toLowerCase().includes(filter.toLowerCase()));
  return (
    <fieldset id={fid} aria-describedby={error ? `${fid}-fel` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="font-semibold">{legend}</legend>
      {options.length > 8 ? (
        <>
          <label htmlFor={`${fid}-filter`} className="sr-only">
            Filtrera: {legend}
          </label>
          <input id={`${fid}-filter`} type="search" placeholder="Filtrera listan" value={filter} onChange={(e) => setFilter(e.target.value)} className="mt-1 w-full rounded border border-slate-400 px-2 py-1 text-sm" />
        </>
      ) : null}
      <div className="mt-1 grid max-h-48 grid-cols-1 gap-1 overflow-y-auto rounded border border-slate-300 p-2 sm:grid-cols-2">
        {shown.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="checkbox" checked={selected.has(o.value)} onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={fid} error={error} />
    </fieldset>
  );
}

/** A field's error, tied to it by id (`<field id>-fel`). */
function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-fel`} className="mt-1 text-sm font-semibold text-red-800">
      {error}
    </p>
  ) : null;
}
