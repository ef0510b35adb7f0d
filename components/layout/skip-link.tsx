/** The first Tab stop of every page, public and newsroom: straight past the header and navigation to `<main id="innehall">`. */
export function SkipLink() {
  return (
    <a href="#innehall" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2">
      Hoppa till innehållet
    </a>
  );
}
