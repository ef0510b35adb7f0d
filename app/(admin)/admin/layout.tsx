import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/layout/skip-link";
import { AdminNav, type NavItem } from "@/components/admin/admin-nav";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { moderatesComments } from "@/lib/db/comment-reads";
import { requireActor } from "@/lib/newsroom/actor";
import { signOutAction } from "./actions";

// The newsroom: never cached, never indexed, only for signed-in staff.
export const metadata: Metadata = { title: { default: "Redaktionen", template: "%s – Redaktionen – Näringslivsnytt" }, robots: { index: false, follow: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  // The layout only needs to know who is signed in; each page enforces REQUIRE_ADMIN_2FA itself.
  const user = await requireActor({ allowWithout2fa: true });
  const items: NavItem[] = [
    { href: "/admin", label: "Översikt" },
    { href: "/admin/artiklar", label: "Artiklar" },
    { href: "/admin/media", label: "Bilder" },
    { href: "/admin/personer", label: "Personer" },
    { href: "/admin/amnen", label: "Ämnen" },
    { href: "/admin/serier", label: "Serier" },
    { href: "/admin/natverk", label: "Nätverk" },
    { href: "/admin/lankar", label: "Trasiga länkar" },
    ...(moderatesComments(user) ? [{ href: "/admin/kommentarer", label: "Kommentarer" }] : []),
    ...(can(user, "organisation.manage") ? [{ href: "/admin/organisationer", label: "Organisationer" }] : []),
    ...(can(user, "user.manage") ? [{ href: "/admin/anvandare", label: "Användare" }] : []),
    ...(can(user, "settings.manage") ? [{ href: "/admin/installningar", label: "Inställningar" }] : []),
    ...(can(user, "alerts.manage") ? [{ href: "/admin/bevakningar", label: "Bevakningar" }] : []),
    ...(can(user, "personaldata.manage") ? [{ href: "/admin/personuppgifter", label: "Personuppgifter" }] : []),
    ...(can(user, "wordpress.import") ? [{ href: "/admin/import", label: "Import och export" }] : []),
    ...(can(user, "audit.view") ? [{ href: "/admin/logg", label: "Logg" }] : []),
    { href: "/admin/papperskorg", label: "Papperskorg" },
    { href: "/admin/konto", label: "Mitt konto" },
  ];
  return (
    <>
      <SkipLink />
      <header className="on-dark bg-brand-900 text-white">
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
      <AdminNav items={items} />
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none">
        {children}
      </main>
    </>
  );
}
