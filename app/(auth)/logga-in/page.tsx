import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getStaffUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Logga in på redaktionen" };

// Where other account pages send people back here, with a word on what just happened.
const NOTICES: Record<string, string> = {
  losenord: "Ditt lösenord är sparat. Logga in med det nya lösenordet.",
  overallt: "Du är utloggad på alla enheter.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  if (await getStaffUser()) redirect("/admin");
  const { klart } = await searchParams;
  const notice = typeof klart === "string" ? NOTICES[klart] : undefined;
  return (
    <>
      <h1 className="text-3xl font-bold">Logga in på redaktionen</h1>
      {notice ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      ) : null}
      <p className="mt-2 text-slate-700">För kommunikatörer och redaktörer som publicerar på Näringslivsnytt. Konton skapas av en administratör.</p>
      <SignInForm />
      <p className="mt-6">
        <Link href="/glomt-losenord">Glömt lösenordet?</Link>
      </p>
    </>
  );
}
