import { SiteScript } from "@/components/site/site-script";
import { CopyLinkButton } from "./copy-link-button";

/** "Tipsa en vän": an e-mail with the link, and a copy-link button. No third-party scripts. */
export function Share({ title, lead, url }: { title: string; lead: string; url: string }) {
  const mailto = `mailto:?subject=${encodeURIComponent(`Tips: ${title}`)}&body=${encodeURIComponent(`${lead}\n\nLäs mer: ${url}`)}`;
  return (
    <section aria-labelledby="tipsa" className="mt-10 rounded bg-slate-50 p-5">
      <h2 id="tipsa" className="text-lg font-bold">
        Tipsa en vän
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <a href={mailto} className="font-semibold">
          Skicka tips via e-post
        </a>
        <CopyLinkButton url={url} />
      </div>
      <SiteScript />
    </section>
  );
}
