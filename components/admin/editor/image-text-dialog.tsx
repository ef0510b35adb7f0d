"use client";

import { useCallback, useId, useRef, useState, type FormEvent } from "react";
import { useDialogAnswer } from "./use-dialog-answer";
import { buttonClass } from "@/components/admin/styles";

// "Bildens texter": the alt text, caption and credit of one image in this story. They start
// as the media library's texts when the image is inserted and can then differ per story; the
// library's own texts stay as they are.

export type ImageTexts = { alt: string; caption: string; credit: string };

export const ALT_REQUIRED = "Skriv en alternativtext som beskriver bilden för den som inte ser den.";

export function useImageTextDialog() {
  const altRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState<ImageTexts>({ alt: "", caption: "", credit: "" });
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const { dialogRef, open, finish } = useDialogAnswer<ImageTexts>();

  const ask = useCallback(
    (current: ImageTexts) => {
      setValue(current);
      setError(null);
      return open();
    },
    [open],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const texts = { alt: value.alt.trim(), caption: value.caption.trim(), credit: value.credit.trim() };
    if (!texts.alt) {
      setError(ALT_REQUIRED);
      altRef.current?.focus();
      return;
    }
    finish(texts);
  };

  const field = (name: keyof ImageTexts, label: string, extra: Record<string, unknown> = {}) => (
    <div className="mt-3">
      <label htmlFor={`${id}-${name}`} className="block font-semibold">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type="text"
        value={value[name]}
        onChange={(e) => {
          setValue((v) => ({ ...v, [name]: e.target.value }));
          if (name === "alt") setError(null);
        }}
        className="mt-1 w-full rounded border border-slate-500 px-2 py-1"
        {...extra}
      />
    </div>
  );

  const dialog = (
    <dialog ref={dialogRef} aria-labelledby={`${id}-rubrik`} onClose={() => finish(null)} className="m-auto w-full max-w-lg rounded p-6 backdrop:bg-black/50">
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-rubrik`} className="text-xl font-bold">
          Bildens texter
        </h2>
        <p className="mt-1 text-sm text-slate-700">Gäller bilden i den här artikeln. Bildbibliotekets texter ändras inte.</p>
        {field("alt", "Alternativtext (obligatoriskt)", {
          ref: altRef,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${id}-fel` : undefined,
          required: true,
        })}
        {error ? (
          <p id={`${id}-fel`} className="mt-1 text-sm font-semibold text-red-800">
            {error}
          </p>
        ) : null}
        {field("caption", "Bildtext")}
        {field("credit", "Fotograf")}
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Spara texterna
          </button>
          <button type="button" className={buttonClass("secondary")} onClick={() => finish(null)}>
            Avbryt
          </button>
        </div>
      </form>
    </dialog>
  );
  return { ask, dialog };
}
