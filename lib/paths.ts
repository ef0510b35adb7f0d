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

export function withPage(path: string, page: number): string {
  return page <= 1 ? path : `${path}?sida=${page}`;
}
