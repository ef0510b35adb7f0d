import type { Metadata } from "next";
import { buttonClass } from "@/components/admin/styles";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { twoFactorStatus } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/newsroom/actor";
import { ChangePasswordForm, DisableTwoFactorForm, EnableTwoFactorForm } from "./account-forms";
import { signOutEverywhereAction } from "./actions";

// "Mitt konto": two-factor, password, sign out everywhere. Reachable without two-factor even
// when administrators must have it, since this is where they turn it on.

export const metadata: Metadata = { title: "Mitt konto" };

const NOTICES: Record<string, string> = {
  "tvafaktor-pa": "Tvåfaktorinloggning är på. Nästa gång du loggar in behöver du en kod från appen.",
  "tvafaktor-av": "Tvåfaktorinloggning är avstängd.",
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor({ allowWithout2fa: true });
  const { enabled } = await twoFactorStatus(db(), actor.id);
  const required = env().REQUIRE_ADMIN_2FA === "true" && actor.role === "ADMIN";
  const { klart } = await searchParams;
  const notice = typeof klart === "string" ? NOTICES[klart] : undefined;

  return (
    <>
      <h1 className="text-3xl font-bold">Mitt konto</h1>
      <p className="mt-2 text-slate-700">
        {actor.name} · {actor.email} · {ROLE_LABELS[actor.role]}
      </p>
      {notice ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      ) : null}
      {required && !enabled ? (
        <p className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <strong>Slå på tvåfaktorinloggning för att fortsätta.</strong> Administratörer måste logga in med en kod från en app i telefonen. Resten av redaktionen öppnas
          när det är gjort.
        </p>
      ) : null}

      <section aria-labelledby="tvafaktor-rubrik" className="mt-8 max-w-2xl">
        <h2 id="tvafaktor-rubrik" className="text-xl font-bold">
          Tvåfaktorinloggning
        </h2>
        <p className="mt-2">
          {enabled
            ? "På. När du loggar in behöver du både ditt lösenord och en kod från autentiseringsappen."
            : "Av. Med tvåfaktorinloggning räcker det inte att någon får tag på ditt lösenord: det behövs också en kod från din telefon."}
        </p>
        {!enabled ? (
          <EnableTwoFactorForm />
        ) : required ? (
          <p className="mt-2 text-slate-700">Administratörer måste använda tvåfaktorinloggning, så den kan inte stängas av.</p>
        ) : (
          <DisableTwoFactorForm />
        )}
      </section>

      <section aria-labelledby="losenord-rubrik" className="mt-10 max-w-2xl">
        <h2 id="losenord-rubrik" className="text-xl font-bold">
          Byt lösenord
        </h2>
        <p className="mt-2 text-slate-700">Du loggas ut på alla andra enheter när lösenordet är bytt.</p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="utloggning-rubrik" className="mt-10 max-w-2xl">
        <h2 id="utloggning-rubrik" className="text-xl font-bold">
          Logga ut överallt
        </h2>
        <p className="mt-2 text-slate-700">Har du varit inloggad på en dator som inte är din, eller tappat bort en telefon? Avsluta alla inloggningar, även den här.</p>
        <form action={signOutEverywhereAction} className="mt-4">
          <button type="submit" className={buttonClass("secondary")}>
            Logga ut överallt
          </button>
        </form>
      </section>
    </>
  );
}
