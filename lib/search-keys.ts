// Every parameter a search reads (lib/search-params.ts): any of them in `/sok`'s query makes
// it the search itself (the rewrite in next.config.ts, which cannot resolve "@/" imports).
export const SEARCH_PARAM_KEYS = ["q", "typ", "kommun", "lan", "amne", "natverk", "ar", "sortera", "sida"] as const;
