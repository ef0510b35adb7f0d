import { NameLink, PublicPageLink, type Column } from "./entity-list";

// The columns of the topic and series lists: name (a link to edit for those who may), stories, public page.

type TaxonomyRow = { id: string; slug: string; name: string; stories: number };

export function taxonomyColumns({ editable, basePath, publicPath }: { editable: boolean; basePath: string; publicPath: (slug: string) => string }): Column<TaxonomyRow>[] {
  return [
    { label: "Namn", rowHeader: true, cell: (r) => <NameLink name={r.name} href={editable ? `${basePath}/${r.id}` : undefined} /> },
    { label: "Artiklar", cell: (r) => r.stories },
    { label: "Webbplatsen", cell: (r) => <PublicPageLink name={r.name} href={publicPath(r.slug)} /> },
  ];
}
