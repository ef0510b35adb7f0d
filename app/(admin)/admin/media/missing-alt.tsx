// The mark of an image that cannot be used yet: shown in words, not by colour alone.
export function MissingAlt() {
  return <strong className="inline-block rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-sm text-amber-900">Alt-text saknas</strong>;
}
