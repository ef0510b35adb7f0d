import { SkipLink } from "./skip-link";
import Link from "next/link";

const NAV = [
  { href: "/nyheter", label: "Nyheter" },
  { href: "/intervjuer", label: "Intervjuer" },
  { href: "/natverk", label: "Nätverk och program" },
  { href: "/kommuner", label: "Kommuner" },
  { href: "/om", label: "Om oss" },
  { href: "/sok", label: "Sök" },
];

export function SiteHeader({ siteName, tagline }: { siteName: string; tagline?: string | null }) {
  return (
    <header className="border-b-4 border-brand-800 bg-white print:hidden">
      <SkipLink />
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4 md:flex-row md:items-end md:justify-between">
        <div>
          <Link href="/" className="text-2xl font-extrabold tracking-tight text-brand-800 no-underline hover:text-brand-900">
            {siteName}
          </Link>
          {tagline ? <p className="text-sm text-slate-600">{tagline}</p> : null}
        </div>
        <nav aria-label="Huvudmeny">
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-base font-semibold">
            {NAV.map((item) => (
              <li key={item.href}>
                {/* /sok is a stored page that reads no query: prefetched, the client router may reuse it
                    for a search's later pages (/sok?q=…&sida=2), which then show the empty search. */}
                <Link href={item.href} prefetch={item.href === "/sok" ? false : undefined} className="text-slate-800 no-underline hover:text-brand-700 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
