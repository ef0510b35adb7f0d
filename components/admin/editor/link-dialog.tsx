"use client";

import { useCallback, useId, useState, type FormEvent } from "react";
import { useDialogAnswer } from "./use-dialog-answer";
import { buttonClass } from "@/components/admin/styles";
import { safeHref } from "@/lib/rich-text/links";

// Adding, changing or removing a link in the body: a modal dialog (the toolbar's "Länk" and
// Ctrl+K / ⌘K), with the address checked by the very rule the public renderer and the stored
// document use (lib/rich-text/links.ts), so a link that would not be shown is never added.

/** What the user chose: an address to link to, "remove", or null when cancelled. */
export type LinkChoice = { href: string } | "remove" | null;

export const LINK_REFUSED = "Adressen går inte att länka till. Skriv en webbadress (https://…), en e-postadress (mailto:…), ett telefonnummer (tel:…) eller en sökväg på webbplatsen (/…).";

/** A bare domain ("example.se/sida") is taken as https, as browsers do in the address bar. */
export function normaliseHref(typed: string): string | null {
  const value = typed.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:|^[/#]/i.test(value) ? value : `https://${value}`;
  return safeHref(withScheme);
}

export function useLinkDialog() {
  const [current, setCurrent] = useState("");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const { dialogRef, open, finish } = useDialogAnswer<LinkChoice>();

  const ask = useCallback(
    (href: string) => {
      setCurrent(href);
      setValue(href);
      setError(null);
      return open();
    },
    [open],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return finish(current ? "remove" : null);
    const href = normaliseHref(value);
    if (!href) return setError(LINK_REFUSED);
    finish({ href });
  };

  const dialog = (
    <dialog ref={dialogRef} aria-labelledby={`${id}-rubrik`} onClose={() => finish(null)} className="m-auto w-full max-w-lg rounded p-6 backdrop:bg-black/50">
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-rubrik`} className="text-xl font-bold">
          {current ? "Ändra länken" : "Lägg till en länk"}
        </h2>
        <label htmlFor={`${id}-adress`} className="mt-3 block font-semibold">
          Länkens adress
        </label>
        <input
          id={`${id}-adress`}
          type="text"
          inputMode="url"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-fel` : `${id}-hjalp`}
          className="mt-1 w-full rounded border border-slate-500 px-2 py-1"
        />
        {error ? (
          <p id={`${id}-fel`} className="mt-1 text-sm font-semibold text-red-800">
            {error}
          </p>
        ) : (
          <p id={`${id}-hjalp`} className="mt-1 text-sm text-slate-700">
            Till exempel https://www.lerum.se/naringsliv eller /natverk/forenkla-helt-enkelt.
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {current ? "Spara länken" : "Lägg till länken"}
          </button>
          {current ? (
            <button type="button" className={buttonClass("secondary")} onClick={() => finish("remove")}>
              Ta bort länken
            </button>
          ) : null}
          <button type="button" className={buttonClass("secondary")} onClick={() => finish(null)}>
            Avbryt
          </button>
        </div>
      </form>
    </dialog>
  );
  return { ask, dialog };
}
