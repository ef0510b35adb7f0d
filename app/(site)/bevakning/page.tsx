import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { SITE_ALERTS } from "@/components/alerts/alert-target";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";

// E-mail alerts for the whole site, and what an alert is. Rendered per request like the rest of
// /bevakning (lib/private-paths.mjs), so it gets the nonce policy; never indexed.

export const metadata: Metadata = {
  title: "Bevaka via e-post",
  description: "Få e-post när Näringslivsnytt publicerar något nytt: direkt, en gång om dagen eller en gång i veckan.",
  robots: { index: false, follow: true },
};

export default async function AlertsPage() {
  await connection();
  return (
    <>
      <Breadcrumbs items={[{ label: "Bevaka via e-post" }]} />
      <h1 className="text-3xl font-bold md:text-4xl">Bevaka via e-post</h1>
      <div className="mt-4 max-w-2xl space-y-3 text-lg text-slate-700">
        <p>Få ett mejl när vi publicerar något nytt. Du väljer själv hur ofta: direkt när en artikel publiceras, en sammanfattning en gång om dagen eller en gång i veckan.</p>
        <p>
          Här bevakar du allt på Näringslivsnytt. Vill du bara följa en kommun, en organisation, ett ämne eller ett nätverk hittar du samma formulär längst ner på dess sida, till exempel
          under <Link href="/kommuner">Kommuner</Link>.
        </p>
        <p>Vi skickar först ett mejl med en länk som du bekräftar med. Utan bekräftelse skickar vi inget mer. Varje mejl har en länk där du ändrar hur ofta du får e-post eller slutar helt, med ett klick.</p>
        <p>
          Mejlen är vanlig text utan spårning. Vi använder adressen bara till bevakningarna. Läs mer om hur vi hanterar personuppgifter under <Link href="/integritet">Integritet</Link>.
        </p>
      </div>
      <section aria-labelledby="bevaka-allt" className="mt-8 max-w-xl rounded border border-slate-200 p-5">
        <h2 id="bevaka-allt" className="text-lg font-bold">
          Bevaka hela Näringslivsnytt
        </h2>
        <AlertSignup target={SITE_ALERTS} heading={false} siteScript={false} />
      </section>
    </>
  );
}
