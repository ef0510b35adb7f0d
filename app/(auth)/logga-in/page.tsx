import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getStaffUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Logga in på redaktionen" };

export default async function SignInPage() {
  await connection();
  if (await getStaffUser()) redirect("/admin");
  return (
    <>
      <h1 className="text-3xl font-bold">Logga in på redaktionen</h1>
      <p className="mt-2 text-slate-700">För kommunikatörer och redaktörer som publicerar på Näringslivsnytt. Konton skapas av en administratör.</p>
      <SignInForm />
    </>
  );
}
