/**
 * Copies the page address. Plain markup, hidden until public/js/site.js finds a clipboard and
 * wires it up (decision 027: public pages carry no React runtime).
 */
export function CopyLinkButton({ url }: { url: string }) {
  return (
    <>
      <button type="button" hidden data-copy-link={url} className="rounded border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        Kopiera länk
      </button>
      <span role="status" data-copy-link-status className="text-sm text-slate-700" />
    </>
  );
}
