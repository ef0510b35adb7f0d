// Cache entries as Next hands them to the handler, and their encoding for Redis: page entries
// hold Buffers (the RSC payload) and a Map of Buffers (per-segment payloads), which JSON alone
// would mangle.

const TAGS_HEADER = "x-next-cache-tags";

/** The tags an entry depends on: a page's or route's from its header, data's from unstable_cache. */
export function entryTags(entry) {
  const { value } = entry;
  if (value?.kind === "FETCH") return entry.tags ?? value.tags ?? [];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** Roughly the bytes an entry holds in memory. */
export function entrySize(entry) {
  const v = entry.value;
  if (!v) return 64;
  switch (v.kind) {
    case "APP_PAGE": {
      let size = (v.html?.length ?? 0) + (v.rscData?.length ?? 0);
      for (const buf of v.segmentData?.values() ?? []) size += buf.length;
      return size + 512;
    }
    case "APP_ROUTE":
      return (v.body?.length ?? 0) + 512;
    case "FETCH":
      return (v.data?.body?.length ?? 0) + 512;
    default:
      return JSON.stringify(v).length;
  }
}

const b64 = (buf) => (buf ? Buffer.from(buf).toString("base64") : undefined);
const unb64 = (s) => (s === undefined ? undefined : Buffer.from(s, "base64"));

export function encodeEntry(entry) {
  const v = entry.value;
  let value = v;
  if (v?.kind === "APP_PAGE") {
    value = { ...v, rscData: b64(v.rscData), segmentData: v.segmentData ? [...v.segmentData].map(([k, buf]) => [k, b64(buf)]) : undefined };
  } else if (v?.kind === "APP_ROUTE") {
    value = { ...v, body: b64(v.body) };
  }
  return JSON.stringify({ ...entry, value });
}

export function decodeEntry(raw) {
  const entry = JSON.parse(raw.toString("utf8"));
  const v = entry.value;
  if (v?.kind === "APP_PAGE") {
    entry.value = { ...v, rscData: unb64(v.rscData), segmentData: v.segmentData ? new Map(v.segmentData.map(([k, s]) => [k, unb64(s)])) : undefined };
  } else if (v?.kind === "APP_ROUTE") {
    entry.value = { ...v, body: unb64(v.body) };
  }
  return entry;
}
