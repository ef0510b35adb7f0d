import Link from "next/link";
import type { SiteSettingsDto } from "@/lib/db/site";

export function SiteFooter({ settings }: { settings: SiteSettingsDto }) {
  return (
    <footer className="mt-16 on-dark bg-brand-900 text-white print:hidden">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 md:grid-cols-3">
        <div>
          <h2 className="text-lg font-bold">{settings.footerOrganisation}</h2>
          {settings.tagline ? <p className="mt-2 text-sm text-brand-100">{settings.tagline}</p> : null}
        </div>
        <div>
          <h2 className="text-lg font-bold">Kontakt</h2>
          <address className="mt-2 space-y-1 text-sm not-italic">
            {settings.address ? <p>{settings.address}</p> : null}
            {settings.phone ? (
              <p>
                Telefon:{" "}
                <a className="text-white" href={`tel:${settings.phone.replace(/[^\d+]/g, "")}`}>
                  {settings.phone}
                </a>
              </p>
            ) : null}
            {settings.email ? (
              <p>
                E-post:{" "}
                <a className="text-white" href={`mailto:${settings.email}`}>
                  {settings.email}
                </a>
              </p>
            ) : null}
          </address>
          <dl className="mt-3 space-y-1 text-sm">
            {settings.informationOwner ? (
              <div>
                <dt className="inline font-semibold">Informationsansvarig: </dt>
                <dd className="inline">{settings.informationOwner}</dd>
              </div>
            ) : null}
            {settings.webmaster ? (
              <div>
                <dt className="inline font-semibold">Webbansvarig: </dt>
                <dd className="inline">{settings.webmaster}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <nav aria-label="Om webbplatsen">
          <h2 className="text-lg font-bold">Om webbplatsen</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {[
              ["/om", "Om Näringslivsnytt"],
              ["/kontakt", "Kontakta redaktionen"],
              ["/tillganglighet", "Tillgänglighetsredogörelse"],
              ["/om-kakor", "Om kakor"],
              ["/integritet", "Så hanterar vi personuppgifter"],
            ].map(([href, label]) => (
              <li key={href}>
                <Link className="text-white" href={href!}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
