import Link from "next/link";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";

// The table of topics or series: name (a link to edit for those who may), stories, public page.

export function TaxonomyTable(props: { caption: string; rows: { id: string; slug: string; name: string; stories: number }[]; editable: boolean; basePath: string; publicPath: (slug: string) => string }) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={thClass}>Namn</th>
          <th scope="col" className={thClass}>Artiklar</th>
          <th scope="col" className={thClass}>Webbplatsen</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row" className={`${tdClass} font-normal`}>
              {props.editable ? <Link href={`${props.basePath}/${r.id}`}>{r.name}</Link> : r.name}
            </th>
            <td className={tdClass}>{r.stories}</td>
            <td className={tdClass}>
              <Link href={props.publicPath(r.slug)}>
                Visa<span className="sr-only"> {r.name} på webbplatsen</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
