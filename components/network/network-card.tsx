import type { ReactNode } from "react";
import Link from "next/link";
import type { NetworkListItem } from "@/lib/db/networks";
import { kindLabel } from "@/lib/format";
import { networkPath } from "@/lib/paths";

/** A network or programme in a list: kind, name, summary, and anything the list adds below. */
export function NetworkCard({ network, headingLevel, children }: { network: NetworkListItem; headingLevel: 2 | 3; children?: ReactNode }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="rounded border border-slate-200 p-5">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">{kindLabel(network.kind)}</p>
      <Heading className={headingLevel === 2 ? "mt-1 text-xl font-bold" : "mt-1 text-lg font-bold"}>
        <Link href={networkPath(network.slug)}>{network.name}</Link>
      </Heading>
      <p className="mt-2 text-slate-700">{network.summary}</p>
      {children}
    </li>
  );
}
