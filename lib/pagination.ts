// `?sida=` as users and crawlers send it. Absent means page 1; anything that is not a plain
// positive number (sida=abc, sida=0, sida=-1, sida=1e3, repeated sida) is not a page of ours.
export const MAX_PAGE = 10_000;

export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !/^[1-9]\d{0,4}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}
