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


/** A list page's own URL: the path, its archive period and its page number. */
export function listHref(path: string, page: number, period?: { year: number; month?: number }): string {
  const params = new URLSearchParams();
  if (period) params.set("ar", String(period.year));
  if (period?.month) params.set("manad", String(period.month));
  if (page > 1) params.set("sida", String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
