"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The newsroom's sections; the current one is marked for screen readers and by sight. */
export function AdminNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Redaktionen" className="border-b border-slate-300 bg-slate-100">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-4">
        {items.map((item) => {
          const current = item.href === "/admin" ? pathname === "/admin" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block px-3 py-2 text-slate-900 ${current ? "border-b-4 border-brand-800 font-semibold" : "no-underline hover:underline"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
