import { editorialRoute } from "@/components/layout/editorial-page";
import { getSettings } from "@/lib/queries";

// The contact page shows the editorial text and, above it, the contact details from site settings.
const route = editorialRoute("kontakt", async () => {
  const s = await getSettings();
  return (
    <dl className="grid gap-x-8 gap-y-3 rounded bg-brand-50 p-5 sm:grid-cols-2">
      {s.email ? (
        <div>
          <dt className="font-semibold">E-post</dt>
          <dd>
            <a href={`mailto:${s.email}`}>{s.email}</a>
          </dd>
        </div>
      ) : null}
      {s.phone ? (
        <div>
          <dt className="font-semibold">Telefon</dt>
          <dd>
            <a href={`tel:${s.phone.replace(/[^\d+]/g, "")}`}>{s.phone}</a>
          </dd>
        </div>
      ) : null}
      {s.address ? (
        <div>
          <dt className="font-semibold">Postadress</dt>
          <dd>{s.address}</dd>
        </div>
      ) : null}
      {s.informationOwner ? (
        <div>
          <dt className="font-semibold">Informationsansvarig</dt>
          <dd>{s.informationOwner}</dd>
        </div>
      ) : null}
    </dl>
  );
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
