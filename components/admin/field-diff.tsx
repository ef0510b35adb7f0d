import type { FieldDiff } from "@/lib/newsroom/story-diff";

// A story comparison as a description list: removed words struck through in red, added
// words underlined in green, each also announced in words for screen readers.
export function FieldDiffList({ diff, onlyChanged = false }: { diff: FieldDiff[]; onlyChanged?: boolean }) {
  const fields = onlyChanged ? diff.filter((d) => d.changed) : diff;
  if (!fields.length) return <p>Inga skillnader.</p>;
  return (
    <dl className="space-y-3">
      {fields.map((field) => (
        <div key={field.label} className={`rounded border p-3 ${field.changed ? "border-amber-600" : "border-slate-200"}`}>
          <dt className="font-semibold">
            {field.label}
            {field.changed ? <span className="ml-2 text-sm font-normal text-amber-900">(ändrad)</span> : null}
          </dt>
          <dd className="mt-1 whitespace-pre-wrap">
            {field.parts.map((p, i) =>
              p.kind === "added" ? (
                <ins key={i} className="bg-green-100 text-green-900 underline">
                  <span className="sr-only">[tillagt: </span>
                  {p.text}
                  <span className="sr-only">]</span>
                </ins>
              ) : p.kind === "removed" ? (
                <del key={i} className="bg-red-100 text-red-900 line-through">
                  <span className="sr-only">[borttaget: </span>
                  {p.text}
                  <span className="sr-only">]</span>
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
            {field.parts.every((p) => !p.text) ? <span className="text-slate-700">(tomt)</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
