import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { isNotFoundSignal } from "@/lib/route-params";
import { NotFoundContent } from "./not-found-content";

function Missing(): never {
  notFound();
}

/**
 * Wraps a page whose loader may call notFound(), so that its 404 is a whole page in the server
 * HTML. Next renders a notFound() thrown in a page as an empty error shell whose content only
 * the browser's JavaScript draws (vercel/next.js#62228): React's server renderer runs no error
 * boundaries. So the loader's notFound() is caught here and thrown again inside a Suspense
 * boundary, where the error stays local: the server sends the site layout around the
 * boundary's fallback, the not-found content, Next still answers 404, and the browser renders
 * the same content from the segment's not-found.tsx. A page that exists has no boundary at all.
 */
export function serverNotFound<P extends object>(Page: (props: P) => Promise<ReactNode>) {
  return async function PageWithServerNotFound(props: P) {
    try {
      return await Page(props);
    } catch (err) {
      if (!isNotFoundSignal(err)) throw err;
      return (
        <Suspense fallback={<NotFoundContent />}>
          <Missing />
        </Suspense>
      );
    }
  };
}
