import { MAX_PAGE } from "@/lib/pagination";

// Public URLs, in one place, so links and redirects agree.
export function storyPath(s: { kind: string; slug: string }): string {
  return `${s.kind === "INTERVIEW" ? "/intervjuer" : "/nyheter"}/${s.slug}`;
}

export function organisationPath(o: { kind: string; slug: string }): string {
  return `${o.kind === "MUNICIPALITY" ? "/kommuner" : "/organisationer"}/${o.slug}`;
}

export const networkPath = (slug: string) => `/natverk/${slug}`;
export const topicPath = (slug: string) => `/amnen/${slug}`;
export const personPath = (slug: string) => `/personer/${slug}`;
export const seriesPath = (slug: string) => `/serier/${slug}`;


/**
 * A list page's own URL: the path, its archive period and its page number, all as path
 * segments so that every page of every list is a stored page: /nyheter/sida/2,
 * /nyheter/arkiv/2022, /kommuner/lerum/arkiv/2022/9/sida/2.
 */
export function listHref(path: string, page: number, period?: { year: number; month?: number }): string {
  let href = path === "/" ? "" : path;
  if (period) href += `/${ARCHIVE_SEGMENT}/${period.year}${period.month ? `/${period.month}` : ""}`;
  if (page > 1) href += `/${PAGE_SEGMENT}/${page}`;
  return href || "/";
}

export const ARCHIVE_SEGMENT = "arkiv";
export const PAGE_SEGMENT = "sida";

export type ListPosition = { page: number; period?: { year: number; month?: number } };

/**
 * The segments after a list's path (`["arkiv", "2022", "9", "sida", "2"]`) as a page and period,
 * or null when they are not the canonical form listHref writes: `sida/1`, `arkiv/2022/09` or
 * anything else is not a page of ours.
 */
export function parseListSegments(segments: readonly string[] = []): ListPosition | null {
  const rest = [...segments];
  let period: ListPosition["period"];
  if (rest[0] === ARCHIVE_SEGMENT) {
    const year = rest[1];
    const month = rest[2] !== undefined && rest[2] !== PAGE_SEGMENT ? rest[2] : undefined;
    if (!year || !/^(199\d|20\d\d|2100)$/.test(year) || (month !== undefined && !/^([1-9]|1[0-2])$/.test(month))) return null;
    period = month ? { year: Number(year), month: Number(month) } : { year: Number(year) };
    rest.splice(0, month ? 3 : 2);
  }
  let page = 1;
  if (rest[0] === PAGE_SEGMENT) {
    if (rest.length !== 2 || !/^[1-9]\d{0,4}$/.test(rest[1]!) || rest[1] === "1") return null;
    page = Number(rest[1]);
    if (page > MAX_PAGE) return null;
    rest.splice(0, 2);
  }
  return rest.length === 0 ? { page, period } : null;
}
