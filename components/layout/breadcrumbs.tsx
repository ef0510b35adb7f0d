import Link from "next/link";
import { JsonLd } from "@/components/seo/json-ld";
import { breadcrumbLd } from "@/lib/seo";

export type Crumb = { href?: string; label: string };

/** The trail above a page's heading (the last crumb is the current page), also as JSON-LD. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const trail: Crumb[] = [{ href: "/", label: "Start" }, ...items];
  return (
    <nav aria-label="Brödsmulor" className="mb-4 text-sm">
      <JsonLd data={breadcrumbLd(trail)} />
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
        {trail.map((c, i) => (
          <li key={i} className="flex items-center gap-2">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            {i === trail.length - 1 ? (
              <span aria-current="page" className="text-slate-700">
                {c.label}
              </span>
            ) : c.href ? (
              <Link href={c.href}>{c.label}</Link>
            ) : (
              <span>{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
