import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

// "Forgot password": public, linked from the sign-in page.

export const metadata: Metadata = { title: "Glömt lösenordet" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Glömt lösenordet?</h1>
      <p className="mt-2 text-slate-700">Skriv e-postadressen du loggar in med. Vi skickar en länk där du kan välja ett nytt lösenord.</p>
      <ForgotPasswordForm />
      <p className="mt-6">
        <Link href="/logga-in">Tillbaka till inloggningen</Link>
      </p>
    </>
  );
}
