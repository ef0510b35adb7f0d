import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { listOrganisationChoices } from "@/lib/db/users";
import { requirePermission } from "@/lib/newsroom/actor";
import { InviteForm } from "./invite-form";

// Administrators invite staff: an account without a password and a one-time link by e-mail.

export const metadata: Metadata = { title: "Bjud in användare" };

export default async function InvitePage() {
  await requirePermission("user.manage");
  const organisations = await listOrganisationChoices(db());
  return (
    <>
      <p>
        <Link href="/admin/anvandare">‹ Alla användare</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Bjud in användare</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Personen får ett e-postmeddelande med en länk där hen väljer ett eget lösenord. Länken fungerar en gång och gäller i 7 dagar.
      </p>
      <InviteForm organisations={organisations} />
    </>
  );
}
