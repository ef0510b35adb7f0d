"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { SubmitButton, TextField } from "@/components/admin/form";
import { submitCommentAction, type CommentFormState } from "@/app/(site)/_actions/comments";
import { BODY_MAX, NAME_MAX, RETENTION_DAYS } from "@/lib/comments/rules";
import { valueOf } from "@/lib/validation/form";

// The reader's comment form. Every typed word comes back with a failed answer; the honeypot
// is out of sight and out of the accessibility tree. The story page is stored and shared by
// everyone and carries no React runtime (decision 027): the form posts as a plain form, and
// public/js/site.js asks for the fill-time token when the reader first focuses it and closes the
// form by the reader's clock once commenting has closed (data-closes-at).

const FIELDS = ["name", "email", "body", "consent"] as const;

export function CommentForm({ storyId, closesAt }: { storyId: string; closesAt: string | null }) {
  const [state, action] = useActionState<CommentFormState, FormData>(submitCommentAction, {});
  const form = useRef<HTMLFormElement>(null);

  // After a refused submit, the first field with a message gets the focus.
  useEffect(() => {
    const first = FIELDS.find((f) => state.fieldErrors?.[f]);
    if (first) form.current?.querySelector<HTMLElement>(`#falt-${first}`)?.focus();
  }, [state]);

  const errors = state.fieldErrors ?? {};
  const consentError = errors.consent;
  return (
    <form ref={form} action={action} data-comment-form="" data-enhance="kommentar" data-closes-at={closesAt ?? undefined} noValidate aria-labelledby="skriv-kommentar" className="mt-8 space-y-5 rounded border border-slate-300 p-5 print:hidden">
      <h3 id="skriv-kommentar" className="text-lg font-bold">
        Skriv en kommentar
      </h3>
      <p className="text-sm text-slate-700">Kommentarerna granskas innan de publiceras. Ditt namn och din kommentar visas på sidan, din e-postadress visas aldrig.</p>
      <div role="status" aria-live="polite">
        {state.ok && state.message ? <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{state.message}</p> : null}
      </div>
      {state.error ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="storyId" value={storyId} />
      <input key={state.token} type="hidden" name="formToken" defaultValue={state.token ?? ""} />
      {/* The honeypot: people never see it, screen readers skip it, bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="falt-website">Lämna det här fältet tomt</label>
        <input id="falt-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <TextField name="name" label="Namn" required autoComplete="name" maxLength={NAME_MAX} defaultValue={valueOf(state.values, "name")} error={errors.name} hint="Visas tillsammans med kommentaren." />
      <TextField name="email" label="E-postadress" type="email" required autoComplete="email" defaultValue={valueOf(state.values, "email")} error={errors.email} hint="Publiceras aldrig. Redaktionen använder den bara om vi behöver kontakta dig om kommentaren." />
      <TextField name="body" label="Kommentar" required rows={6} maxLength={BODY_MAX} defaultValue={valueOf(state.values, "body")} error={errors.body} hint={`Högst ${BODY_MAX} tecken och två webbadresser. Länkar visas som vanlig text.`} />
      <PrivacyNotice />
      <div>
        <label className="flex items-start gap-2">
          <input
            key={valueOf(state.values, "consent")}
            id="falt-consent"
            type="checkbox"
            name="consent"
            value="ja"
            defaultChecked={valueOf(state.values, "consent") === "ja"}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? "falt-consent-fel" : undefined}
            className="mt-1 size-4"
          />
          <span>Jag har läst hur mina uppgifter hanteras.</span>
        </label>
        {consentError ? (
          <p id="falt-consent-fel" className="mt-1 text-sm font-semibold text-red-800">
            {consentError}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel="Skickar …">Skicka kommentaren</SubmitButton>
    </form>
  );
}

/** What the data protection regulation asks us to say at the form (articles 13 and 14). */
function PrivacyNotice() {
  return (
    <section aria-labelledby="om-dina-uppgifter" className="rounded bg-slate-50 p-4 text-sm">
      <h4 id="om-dina-uppgifter" className="font-semibold">
        Så hanterar vi dina uppgifter
      </h4>
      <dl className="mt-3 space-y-2">
        <div>
          <dt className="font-semibold">Varför</dt>
          <dd>För att granska och publicera din kommentar och, om det behövs, kontakta dig om den.</dd>
        </div>
        <div>
          <dt className="font-semibold">Rättslig grund</dt>
          <dd>Allmänt intresse: att ge läsare möjlighet att delta i samtalet om kommunernas näringslivsarbete (artikel 6.1 e i dataskyddsförordningen).</dd>
        </div>
        <div>
          <dt className="font-semibold">Hur länge</dt>
          <dd>Publicerade kommentarer finns kvar så länge artikeln finns. Kommentarer som avvisas eller markeras som skräp raderas efter {RETENTION_DAYS} dagar. Din IP-adress sparas inte, bara en kod som räknas fram ur den och inte kan räknas tillbaka, för att begränsa skräppost.</dd>
        </div>
        <div>
          <dt className="font-semibold">Vem du kontaktar</dt>
          <dd>
            Redaktionen är ansvarig för uppgifterna. Vill du ta del av, rätta eller radera dem, <Link href="/kontakt">kontakta redaktionen</Link>. Inga uppgifter lämnas till tredje part.
          </dd>
        </div>
      </dl>
      <p className="mt-3">
        Läs mer på sidan <Link href="/integritet">Så hanterar vi personuppgifter</Link>.
      </p>
    </section>
  );
}
