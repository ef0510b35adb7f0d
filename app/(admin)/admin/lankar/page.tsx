import type { Metadata } from "next";
import Link from "next/link";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Time } from "@/components/ui/time";
import { db } from "@/lib/db/client";
import { brokenLinks, type BrokenLink } from "@/lib/db/link-check";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/newsroom/actor";
import { storyTitle } from "@/lib/newsroom/labels";

export const metadata: Metadata = { title: "Trasiga länkar" };

type Group = { id: string; name: string; links: BrokenLink[] };

/** One group per organisation the links belong to; for staff only their own organisations, the rest under "Övriga". */
function groupsOf(links: BrokenLink[], mine: readonly string[] | null): Group[] {
  const groups = new Map<string, Group>();
  for (const link of links) {
    const own = link.organisations.filter((o) => mine === null || mine.includes(o.id));
    for (const o of own.length ? own : [{ id: "", name: "Övriga" }]) {
      const group = groups.get(o.id) ?? { id: o.id, name: o.name, links: [] };
      if (!group.links.includes(link)) group.links.push(link);
      groups.set(o.id, group);
    }
  }
  return [...groups.values()].sort((a, b) => (a.id === "" ? 1 : b.id === "" ? -1 : a.name.localeCompare(b.name, "sv")));
}

export default async function BrokenLinksPage() {
  const actor = await requireActor();
  const links = await brokenLinks(db(), actor);
  const groups = groupsOf(links, actor.role === "ADMIN" ? null : actor.organisationIds);
  const interval = env().LINK_CHECK_INTERVAL_MINUTES;
  return (
    <>
      <h1 className="text-3xl font-bold">Trasiga länkar</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Länkar till andra webbplatser i publicerade artiklar och på nätverkssidor kontrolleras automatiskt: en fungerande länk en gång i veckan, en trasig en gång per dygn. Rätta länken i artikeln eller ta bort
        den; listan uppdateras vid nästa kontroll.
        {interval === 0 ? " Länkkontrollen är avstängd på den här servern (LINK_CHECK_INTERVAL_MINUTES=0)." : null}
      </p>
      {groups.length === 0 ? <p className="mt-6">Inga trasiga länkar hittades.</p> : null}
      {groups.map((group) => (
        <section key={group.id || "ovriga"} aria-labelledby={`grupp-${group.id || "ovriga"}`} className="mt-8">
          <h2 id={`grupp-${group.id || "ovriga"}`} className="text-xl font-bold">
            {group.name} <span className="text-base font-normal text-slate-700">({group.links.length === 1 ? "1 länk" : `${group.links.length} länkar`})</span>
          </h2>
          <table className={tableClass}>
            <caption className="sr-only">Trasiga länkar för {group.name}</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Var</th>
                <th scope="col" className={thClass}>Länktext och adress</th>
                <th scope="col" className={thClass}>Fel</th>
                <th scope="col" className={thClass}>Trasig sedan</th>
              </tr>
            </thead>
            <tbody>
              {group.links.map((link) => (
                <tr key={`${link.source.kind}:${link.source.id}:${link.url}`}>
                  <td className={tdClass}>
                    <Link href={link.source.kind === "story" ? `/admin/artiklar/${link.source.id}` : `/admin/natverk/${link.source.id}`}>{link.source.kind === "story" ? storyTitle(link.source.title) : link.source.title}</Link>
                    <span className="block text-slate-700">{link.source.kind === "story" ? "Artikel" : "Nätverkssida"}</span>
                  </td>
                  <td className={tdClass}>
                    ”{link.text}”<span className="block break-all font-mono text-xs text-slate-700">{link.url}</span>
                  </td>
                  <td className={tdClass}>{link.problem}</td>
                  <td className={tdClass}>
                    <Time iso={link.brokenSince} />
                    <span className="block text-slate-700">
                      Kontrollerad <Time iso={link.checkedAt} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
