import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getAccountTokenStatus, TOKEN_MESSAGES } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { SetPasswordForm } from "./set-password-form";

// The page an invite or reset mail links to. The token in the address must never travel
// further, so no referrer is sent from here.
export const metadata: Metadata = { title: "Välj lösenord", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const status = await getAccountTokenStatus(db(), token);
  if (status.state !== "valid") {
    return (
      <>
        <h1 className="text-3xl font-bold">Länken fungerar inte</h1>
        <p role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {TOKEN_MESSAGES[status.state]}
        </p>
        <ul className="mt-6 list-disc space-y-2 pl-5">
          <li>
            <Link href="/glomt-losenord">Begär en ny länk</Link> om du redan har ett konto.
          </li>
          <li>Har du fått en inbjudan som har slutat gälla? Be administratören som bjöd in dig att skicka en ny.</li>
          <li>
            <Link href="/logga-in">Till inloggningen</Link>
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">{status.purpose === "INVITE" ? "Välj ditt lösenord" : "Välj ett nytt lösenord"}</h1>
      <p className="mt-2 text-slate-700">
        {status.purpose === "INVITE" ? `Välkommen till redaktionen, ${status.name}! ` : ""}
        Lösenordet gäller kontot <strong>{status.email}</strong>.
      </p>
      <SetPasswordForm token={token} email={status.email} />
    </>
  );
}
