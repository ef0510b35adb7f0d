import type { ReactNode } from "react";
import { feedFiles, type FeedLink } from "@/lib/feed-routes";

/**
 * "Prenumerera": the feeds of the page in a small section of their own. `children` is where
 * other ways to follow the page (an e-mail alert form) go below the feeds.
 */
export function Subscribe({ feeds, children }: { feeds: FeedLink[]; children?: ReactNode }) {
  return (
    <section aria-labelledby="prenumerera" className="mt-12 rounded border border-slate-200 p-5 print:hidden">
      <h2 id="prenumerera" className="text-lg font-bold">
        Prenumerera
      </h2>
      <p className="mt-1 text-sm text-slate-700">Följ nya artiklar i din flödesläsare med RSS eller Atom.</p>
      <ul className="mt-3 space-y-1">
        {feeds.map((f) => {
          const files = feedFiles(f);
          return (
            <li key={f.path} className="flex flex-wrap gap-x-3">
              <span className="font-semibold">{f.title}:</span>
              <a href={files.rss} type="application/rss+xml" aria-label={`RSS-flöde: ${f.title}`}>
                RSS
              </a>
              <a href={files.atom} type="application/atom+xml" aria-label={`Atom-flöde: ${f.title}`}>
                Atom
              </a>
            </li>
          );
        })}
      </ul>
      {children}
    </section>
  );
}
