import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, NONCE_PATHS } from "@/lib/csp";
import { parsePageParam } from "@/lib/pagination";
import { listHref } from "@/lib/paths";
import { parsePeriod } from "@/lib/period";

// Runs only for the requests config.matcher names, so stored pages are served without it:
// - the query forms lists had before they became stored pages (`/nyheter?sida=2`,
//   `/kommuner/lerum?ar=2022&manad=9`) answer 308 to their path form, so no link breaks;
//   a malformed one is a 404, as it was;
// - pages rendered per request (the newsroom, sign-in, password pages, readers' alert pages) get a
//   Content-Security-Policy with a fresh nonce, which Next puts on its own scripts (lib/csp.ts).

const LIST_PATH = /^\/(nyheter|intervjuer)$|^\/(kommuner|organisationer|amnen|natverk|personer)\/[^/]+$/;

function one(params: URLSearchParams, key: string): string | string[] | undefined {
  const all = params.getAll(key);
  return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
}

/** The nonce policy, on the request (Next reads its nonce from there) and on the answer. */
function nonced(request: NextRequest, make: (init: { request: { headers: Headers } }) => NextResponse): NextResponse {
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = make({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (NONCE_PATHS.test(pathname)) return nonced(request, (init) => NextResponse.next(init));
  if (!LIST_PATH.test(pathname)) return NextResponse.next();
  const page = parsePageParam(one(searchParams, "sida"));
  const period = parsePeriod(one(searchParams, "ar"), one(searchParams, "manad"));
  // `sida/0` is no page of any list: the list's own 404.
  if (page === null || period === null) return NextResponse.rewrite(new URL(`${pathname}/sida/0`, request.url));
  return NextResponse.redirect(new URL(listHref(pathname, page, period), request.url), 308);
}

export const config = {
  // Static literals only: Next reads them at build time.
  matcher: [
    "/admin/:path*",
    "/logga-in/:path*",
    "/glomt-losenord/:path*",
    "/nytt-losenord/:path*",
    "/bevakning/:path*",
    { source: "/:path*", has: [{ type: "query", key: "sida" }] },
    { source: "/:path*", has: [{ type: "query", key: "ar" }] },
    { source: "/:path*", has: [{ type: "query", key: "manad" }] },
  ],
};
