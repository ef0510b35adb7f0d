import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getStaffUser } from "@/lib/auth/session";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Tvåfaktorinloggning" };

// Reached after a correct password for an account with two-factor on; the pending sign-in
// lives in a short-lived signed cookie (ten minutes).
export default async function SecondFactorPage() {
  await connection();
  if (await getStaffUser()) redirect("/admin");
  return (
    <>
      <h1 className="text-3xl font-bold">Bekräfta att det är du</h1>
      <p className="mt-2 text-slate-700">Ditt konto skyddas med tvåfaktorinloggning. Öppna autentiseringsappen i telefonen och skriv koden som visas för Näringslivsnytt.</p>
      <SecondFactorForm />
      <p className="mt-6">
        <Link href="/logga-in">Avbryt och logga in på nytt</Link>
      </p>
    </>
  );
}
