import Link from "next/link";

// The top of an edit page: where it belongs, what it edits, and a link to the public page.

export function EditHeader({ title, back, publicHref, notice }: { title: string; back: { href: string; label: string }; publicHref?: string; notice?: string }) {
  return (
    <>
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      {publicHref ? (
        <p className="mt-2">
          <Link href={publicHref}>Visa sidan på webbplatsen</Link>
        </p>
      ) : null}
      <div role="status" className="mt-4 empty:hidden">
        {notice ? <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{notice}</p> : null}
      </div>
    </>
  );
}

/** The way to the confirmation page, below the edit form. */
export function DeleteSection({ href, label, note }: { href: string; label: string; note?: string }) {
  return (
    <section aria-labelledby="ta-bort-rubrik" className="mt-12 max-w-2xl border-t border-slate-300 pt-6">
      <h2 id="ta-bort-rubrik" className="text-xl font-bold">
        Ta bort
      </h2>
      {note ? <p className="mt-2 text-slate-700">{note}</p> : null}
      <p className="mt-3">
        <Link href={href} className="font-semibold text-red-800">
          {label}
        </Link>
      </p>
    </section>
  );
}
