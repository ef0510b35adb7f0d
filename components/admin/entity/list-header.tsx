import Link from "next/link";
import { buttonClass } from "@/components/admin/styles";

// The top of an entity list: its heading, the "new" button for those who may create, a notice
// after a deletion, and how many items match.

export function ListHeader({ title, newHref, newLabel, notice, intro }: { title: string; newHref?: string; newLabel?: string; notice?: string; intro?: string }) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{title}</h1>
        {newHref ? (
          <Link href={newHref} className={buttonClass("primary")}>
            {newLabel}
          </Link>
        ) : null}
      </div>
      {intro ? <p className="mt-2 text-slate-700">{intro}</p> : null}
      <Notice text={notice} />
    </>
  );
}

/** A status message after a redirect (created, deleted), announced politely. */
export function Notice({ text }: { text?: string }) {
  return (
    <div role="status" className="mt-4 empty:hidden">
      {text ? <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{text}</p> : null}
    </div>
  );
}

export function ResultCount({ total, one, many }: { total: number; one: string; many: string }) {
  return (
    <p className="mt-4 text-slate-700">
      {total === 0 ? `Inga ${many} matchar.` : `${total} ${total === 1 ? one : many}`}
    </p>
  );
}
