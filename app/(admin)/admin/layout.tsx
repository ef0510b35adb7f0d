import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireStaffUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";

// The newsroom: never cached, never indexed, only for signed-in staff.
export const metadata: Metadata = { title: { default: "Redaktionen", template: "%s – Redaktionen – Näringslivsnytt" }, robots: { index: false, follow: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await requireStaffUser();
  return (
    <>
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/admin" className="text-xl font-bold text-white no-underline">
            Redaktionen
          </Link>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <span>
              {user.name} · {ROLE_LABELS[user.role]}
            </span>
            <Link href="/" className="text-white">
              Till webbplatsen
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white px-3 py-1 font-semibold">
                Logga ut
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="innehall" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
