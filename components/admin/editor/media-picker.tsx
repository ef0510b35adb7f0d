"use client";

import Image from "next/image";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ImageAttrs } from "@/lib/rich-text/schema";
import { useDialogAnswer } from "./use-dialog-answer";

// The media library as a modal dialog: choose an image that has alt text, or upload a new
// one with its alt text. Used for inline images and for the hero image. `pick({ file })` opens
// it on the upload form with that file chosen (an image dropped or pasted into the body), so
// the alt text is asked before the image is used.

export type PickedImage = ImageAttrs & { mediaId: string };

type Item = { id: string; src: string; alt: string; caption?: string | null; credit?: string | null; width: number; height: number };

function toPicked(item: Item): PickedImage {
  return { src: item.src, alt: item.alt, caption: item.caption ?? undefined, credit: item.credit ?? undefined, width: item.width, height: item.height, mediaId: item.id };
}

/** A dialog and a `pick()` that opens it and resolves with the choice (null when closed). */
export function useMediaPicker() {
  const { dialogRef, open: openDialog, finish: finishDialog } = useDialogAnswer<PickedImage>();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);

  const pick = useCallback(
    (options?: { file?: File }) => {
      setFile(options?.file ?? null);
      setOpen(true);
      return openDialog();
    },
    [openDialog],
  );

  const finish = useCallback(
    (value: PickedImage | null) => {
      finishDialog(value);
      setOpen(false);
    },
    [finishDialog],
  );

  const dialog = (
    <dialog ref={dialogRef} aria-labelledby="bildbibliotek-rubrik" onClose={() => finish(null)} className="m-auto w-full max-w-3xl rounded p-0 backdrop:bg-black/50">
      {open ? <PickerBody file={file} onPick={(item) => finish(toPicked(item))} onCancel={() => finish(null)} /> : null}
    </dialog>
  );
  return { pick, dialog };
}

function PickerBody({ file, onPick, onCancel }: { file: File | null; onPick: (item: Item) => void; onCancel: () => void }) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Item[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/admin/media/bibliotek?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: "application/json" } })
        .then(async (res) => {
          if (!res.ok) throw new Error(String(res.status));
          const json = (await res.json()) as Item[] | { items: Item[] };
          setItems(Array.isArray(json) ? json : json.items);
          setLoadError(null);
        })
        .catch((err: Error) => {
          if (err.name !== "AbortError") setLoadError("Bildbiblioteket gick inte att hämta. Försök igen.");
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return (
    <div className="p-5">
      <div className="flex items-start justify-between gap-4">
        <h2 id="bildbibliotek-rubrik" className="text-xl font-bold">
          Välj en bild
        </h2>
        <button type="button" onClick={onCancel} className="rounded border border-slate-500 px-3 py-1">
          Stäng
        </button>
      </div>
      <Upload file={file} onUploaded={onPick} />
      <h3 className="mt-6 font-semibold">Bilder i biblioteket</h3>
      <label htmlFor="bildbibliotek-sok" className="mt-2 block text-sm font-semibold">
        Sök bland bilderna
      </label>
      <input id="bildbibliotek-sok" type="search" value={q} onChange={(e) => setQ(e.target.value)} className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
      <div aria-live="polite">{loadError ? <p className="mt-2 text-red-800">{loadError}</p> : null}</div>
      {items && items.length === 0 ? <p className="mt-3">Inga bilder med alt-text hittades.</p> : null}
      <ul className="mt-3 grid max-h-80 grid-cols-2 gap-3 overflow-y-auto sm:grid-cols-3">
        {(items ?? []).map((item) => (
          <li key={item.id}>
            <button type="button" onClick={() => onPick(item)} className="w-full rounded border border-slate-300 p-2 text-left hover:border-brand-800">
              <Image unoptimized src={item.src} alt="" width={item.width} height={item.height} className="h-24 w-full object-cover" />
              <span className="mt-1 block text-sm">
                <span className="sr-only">Välj bilden: </span>
                {item.alt}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Upload({ file, onUploaded }: { file: File | null; onUploaded: (item: Item) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLInputElement>(null);

  // A dropped or pasted file is put in the file field, and the alt text is asked for next.
  useEffect(() => {
    if (!file || !fileRef.current) return;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    fileRef.current.files = transfer.files;
    altRef.current?.focus();
  }, [file]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Välj en bildfil att ladda upp.");
    if (!String(data.get("alt") ?? "").trim()) return setError("Skriv en alternativtext som beskriver bilden för den som inte ser den.");
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/admin/media/ladda-upp", { method: "POST", body: data, headers: { accept: "application/json" } });
      const json = (await res.json().catch(() => ({}))) as Partial<Item> & { error?: string };
      if (!res.ok || !json.id) return setError(json.error ?? "Bilden kunde inte laddas upp.");
      onUploaded(json as Item);
    } catch {
      setError("Bilden kunde inte laddas upp. Kontrollera anslutningen och försök igen.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-3 rounded border border-slate-300 bg-slate-50 p-3">
      <h3 className="font-semibold">Ladda upp en ny bild</h3>
      {file ? <p className="text-sm">Bilden du lade in i texten ({file.name}) är vald. Skriv en alternativtext innan den används.</p> : null}
      <div>
        <label htmlFor="uppladdning-fil" className="block text-sm font-semibold">
          Bildfil (JPEG, PNG, WebP eller AVIF)
        </label>
        <input ref={fileRef} id="uppladdning-fil" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" className="mt-1 block" />
      </div>
      <div>
        <label htmlFor="uppladdning-alt" className="block text-sm font-semibold">
          Alternativtext (obligatoriskt)
        </label>
        <input ref={altRef} id="uppladdning-alt" name="alt" type="text" className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="uppladdning-bildtext" className="block text-sm font-semibold">
            Bildtext
          </label>
          <input id="uppladdning-bildtext" name="caption" type="text" className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="uppladdning-foto" className="block text-sm font-semibold">
            Fotograf
          </label>
          <input id="uppladdning-foto" name="credit" type="text" className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
        </div>
      </div>
      <div aria-live="assertive">{error ? <p className="font-semibold text-red-800">{error}</p> : null}</div>
      <button type="submit" disabled={busy} className="rounded bg-brand-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {busy ? "Laddar upp …" : "Ladda upp och välj"}
      </button>
    </form>
  );
}
