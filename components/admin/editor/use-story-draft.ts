"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoryCapabilities } from "@/lib/auth/permissions";
import type { SavedStory, StoryConflict } from "@/lib/db/editorial";
import { cleanEditorJson } from "@/lib/rich-text/clean";
import { slugify } from "@/lib/slug";
import type { FormState } from "@/lib/validation/form";
import { parseStoryFields, type StoryFields } from "@/lib/validation/story";
import { localCopyKey, readLocalCopy, removeLocalCopy, writeLocalCopy, type LocalCopy } from "./local-copy";

// The story editor's draft: every typed word lives here until the server has it. A failed
// save only adds messages; saves run one at a time, in order; drafts autosave a few seconds
// after typing stops; every change is also kept in this browser (local-copy.ts); leaving with
// unsaved changes asks first; a save based on an old version opens the conflict view instead
// of overwriting someone else's work.

export type Hero = { id: string; src: string; alt: string; width: number; height: number } | null;

export type EditorStory = {
  id: string | null;
  version: number;
  status: string;
  publishedAt: string | null;
  fields: StoryFields;
  heroImage: Hero;
  can: StoryCapabilities;
};

/** An earlier version to load as unsaved changes (from the history's "Läs in i redigeraren"). */
export type EditorRestore = { version: number; fields: StoryFields; heroImage: Hero };

export type WorkflowStep = "submitForReview" | "returnToDraft" | "publishStory" | "unpublishStory" | "archiveStory" | "trashStory";

type Answer = FormState & { sessionExpired?: boolean };
export type SaveAnswer = Answer & { value?: SavedStory; conflict?: StoryConflict };
export type StepAnswer = Answer & { value?: { status: string; version: number; publishedAt: string | null; can: StoryCapabilities } | null };

/** The server actions the editor calls, handed down by the page (components/ never imports app/). */
export type StoryEditorActions = {
  save: (input: { id: string | null; version: number; autosave: boolean; fields: unknown; update?: { updateKind: "minor" | "major"; changeNote?: string } }) => Promise<SaveAnswer>;
  checkSlug: (input: { slug: string; title: string; storyId: string | null }) => Promise<{ slug: string; clash: string | null }>;
  step: (name: WorkflowStep, input: { id: string; at?: string; overrideReason?: string }) => Promise<StepAnswer>;
  /** Keeps unsaved changes for this user's preview of the story, without saving them. */
  stagePreview: (input: { id: string; fields: unknown }) => Promise<Answer>;
};

export type StoryForm = {
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
const CHECK_DELAY_MS = 400;

function formOf(f: StoryFields): StoryForm {
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

function fieldsOf(form: StoryForm, body: unknown) {
  return {
    ...form,
    body: cleanEditorJson(body),
    seriesId: form.seriesId || null,
    seriesPosition: form.seriesPosition.trim() === "" ? null : Number(form.seriesPosition),
  };
}

type Draft = { form: StoryForm; body: unknown };

export function useStoryDraft({ story, userId, restore, actions }: { story: EditorStory; userId: string; restore?: EditorRestore; actions: StoryEditorActions }) {
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
  const [form, setForm] = useState<StoryForm>(() => formOf(restore ? { ...restore.fields, slug: story.fields.slug } : story.fields));
  const body = useRef<unknown>(restore ? restore.fields.body : story.fields.body);
  // The body editor starts from this; a restored local copy remounts it (its key).
  const [bodyStart, setBodyStart] = useState<{ key: number; doc: unknown }>(() => ({ key: 0, doc: restore ? restore.fields.body : story.fields.body }));
  // The body as the live accessibility check last read it: after a pause in typing, not every key.
  const [checkedBody, setCheckedBody] = useState<unknown>(() => (restore ? restore.fields.body : story.fields.body));
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
  const [conflict, setConflict] = useState<{ theirs: StoryConflict; mine: StoryFields } | null>(null);
  const [updateKind, setUpdateKind] = useState<"minor" | "major">("minor");
  const [changeNote, setChangeNote] = useState("");
  const changeSeq = useRef(0);
  // Set when the editor itself leaves or reloads the page (no "unsaved changes" question then).
  const leaving = useRef(false);
  /** Where the form's error summary is, to move focus to it. */
  const summaryRef = useRef<HTMLDivElement>(null);
  const isPublic = status === "PUBLISHED";
  const readOnly = !can.edit;

  const forgetLocalCopy = useCallback(
    (storyId: string | null) => {
      window.clearTimeout(localTimer.current);
      removeLocalCopy(localCopyKey(userId, storyId));
    },
    [userId],
  );

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
    setCheckedBody(offer.value.body);
    setSlugTouched(true);
    setOffer(null);
    touch();
    setNotice("Ändringarna från webbläsarens kopia är tillbaka. Spara när du har sett över dem.");
  };

  const discardLocalCopy = () => {
    removeLocalCopy(localCopyKey(userId, story.id));
    setOffer(null);
  };

  const set = <K extends keyof StoryForm>(key: K, value: StoryForm[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      // Until the slug is edited by hand (or the story is saved), it follows the title.
      if (key === "title" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
    touch();
  };

  const setSlugByHand = (slug: string) => {
    setSlugTouched(true);
    set("slug", slug);
  };

  const checkTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(checkTimer.current), []);
  const setBody = (json: unknown) => {
    body.current = json;
    clearTimeout(checkTimer.current);
    checkTimer.current = setTimeout(() => setCheckedBody(body.current), CHECK_DELAY_MS);
    touch();
  };

  const chooseHero = (image: Hero) => {
    setHero(image);
    set("heroImageId", image?.id ?? null);
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
  const checkSlug = actions.checkSlug;
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!form.slug && !form.title) return setSlugCheck(null);
      checkSlug({ slug: form.slug, title: form.title, storyId: id })
        .then(setSlugCheck)
        .catch(() => setSlugCheck(null));
    }, 400);
    return () => clearTimeout(timer);
  }, [form.slug, form.title, id, checkSlug]);

  /** An answer without a session: autosave waits, and an explicit action asks to sign in again. */
  const sessionGone = useCallback((res: Answer, ask: boolean) => {
    setSessionExpired(true);
    if (ask) setSessionDialog(true);
    setFormError(res.error ?? null);
  }, []);

  const saveAction = actions.save;
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
        const res = await saveAction({
          id: persisted.current.id,
          version: opts.baseVersion ?? persisted.current.version,
          autosave: !!opts.autosave,
          fields,
          update: isPublic ? (updateKind === "major" ? { updateKind, changeNote } : { updateKind }) : undefined,
        });
        if (res.sessionExpired) {
          // Not over the text while the user types: an autosave only says so above the form.
          sessionGone(res, !opts.autosave);
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
          removeLocalCopy(localCopyKey(userId, null));
        }
        // The server has everything the local copy held, unless typing went on meanwhile.
        if (changeSeq.current === seq) {
          setDirty(false);
          forgetLocalCopy(saved.id);
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
    [form, isPublic, updateKind, changeNote, userId, saveAction, sessionGone, forgetLocalCopy],
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

  /** A workflow step on the saved story (unsaved changes are saved first). */
  const step = async (name: WorkflowStep, extra: { at?: string; overrideReason?: string } = {}, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    let storyId = persisted.current.id;
    if (!readOnly && (dirty || !storyId)) {
      storyId = await save();
      if (!storyId) return;
    }
    if (!storyId) return;
    setSaving(true);
    try {
      const res = await actions.step(name, { id: storyId, ...extra });
      if (res.sessionExpired) return sessionGone(res, true);
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
        forgetLocalCopy(storyId);
        router.push("/admin/papperskorg");
        return;
      }
      // The new state and what the actor may do now (a publish can end the right to edit, say).
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

  /**
   * The preview of what is on screen, when it differs from the saved story. A draft is saved first and the preview opens here; a
   * story past draft changes only when published, so its unsaved changes are handed to the
   * preview alone and it opens beside the editor.
   */
  const preview = async (href: string) => {
    if (status === "DRAFT") {
      const saved = await save();
      if (!saved) return;
      leaving.current = true;
      return window.location.assign(href);
    }
    // Opened at once, in the click, so no pop-up blocker stops it; its address follows.
    const tab = window.open("about:blank", "_blank");
    const res = await actions.stagePreview({ id: persisted.current.id!, fields: fieldsOf(form, body.current) }).catch(() => ({ ok: false, error: "Förhandsvisningen kunde inte visas just nu." }) as Answer);
    if (res.sessionExpired) {
      tab?.close();
      return sessionGone(res, true);
    }
    if (!res.ok) {
      tab?.close();
      setErrors(res.fieldErrors ?? {});
      setFormError(res.error ?? "Förhandsvisningen kunde inte visas.");
      summaryRef.current?.focus();
      return;
    }
    const url = `${href}?osparat=1`;
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    } else window.open(url, "_blank", "noopener");
  };

  /** Throws this editor's changes away for the newer saved version (the conflict view). */
  const reloadSaved = () => {
    leaving.current = true;
    window.location.reload();
  };

  return {
    id,
    status,
    can,
    publishedAt,
    form,
    set,
    setSlugByHand,
    setBody,
    bodyStart,
    checkedBody,
    hero,
    chooseHero,
    slugCheck,
    errors,
    formError,
    summaryRef,
    notice,
    saving,
    dirty,
    isPublic,
    readOnly,
    conflict,
    updateKind,
    setUpdateKind,
    changeNote,
    setChangeNote,
    offer,
    restoreLocalCopy,
    discardLocalCopy,
    sessionDialog,
    closeSessionDialog: () => setSessionDialog(false),
    save,
    step,
    preview,
    reloadSaved,
  };
}

export type StoryDraft = ReturnType<typeof useStoryDraft>;
