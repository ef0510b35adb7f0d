import type { JsonLdObject } from "@/lib/seo";

/**
 * Structured data for search engines. The JSON is escaped so that no value, however it was
 * written, can close the script element: "<" becomes \u003c.
 */
export function JsonLd({ data }: { data: JsonLdObject | JsonLdObject[] }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
