// A small, forgiving HTML reader for clipboard HTML (Word, Google Docs, browsers), so the
// paste cleaner is a pure function of a string and runs the same in the browser and in unit
// tests without a DOM. It is not a security boundary: what comes out is parsed again by the
// editor's schema, and every stored document is validated against lib/rich-text/schema.ts.

export type HtmlElement = { tag: string; attrs: Record<string, string>; children: HtmlNode[] };
/** Text stays as written in the source (entities encoded). */
export type HtmlNode = HtmlElement | string;

// Word's downlevel-revealed conditionals (<![if !supportLists]> … <![endif]>) become elements
// named "#if" with the condition in attrs.condition.
export const CONDITIONAL = "#if";

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);
// Opening one of these closes an open element of the same group, as browsers do.
const CLOSES: Record<string, string[]> = { p: ["p"], li: ["li"], td: ["td", "th"], th: ["td", "th"], tr: ["tr", "td", "th"] };

const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      top().children.push(html.slice(i));
      break;
    }
    if (lt > i) top().children.push(html.slice(i, lt));
    i = lt;
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith("<![", i)) {
      const end = html.indexOf("]>", i);
      const marker = html.slice(i + 3, end < 0 ? html.length : end).trim();
      i = end < 0 ? html.length : end + 2;
      if (/^if\b/i.test(marker)) {
        const el: HtmlElement = { tag: CONDITIONAL, attrs: { condition: marker.slice(2).trim() }, children: [] };
        top().children.push(el);
        stack.push(el);
      } else if (/^endif$/i.test(marker)) {
        const at = stack.map((e) => e.tag).lastIndexOf(CONDITIONAL);
        if (at > 0) stack.length = at;
      }
      continue;
    }
    if (html.startsWith("<!", i) || html.startsWith("<?", i)) {
      const end = html.indexOf(">", i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:_-]*)/.exec(html.slice(i, i + 64));
    if (!tag) {
      top().children.push("&lt;");
      i += 1;
      continue;
    }
    const end = findTagEnd(html, i);
    const name = tag[2]!.toLowerCase();
    const inner = html.slice(i + tag[0].length, end);
    i = end + 1;
    if (tag[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const closes = CLOSES[name];
    if (closes) {
      // Close an open element of the group, but not across a nested list or table.
      for (let d = stack.length - 1; d > 0; d--) {
        const t = stack[d]!.tag;
        if (closes.includes(t)) {
          stack.length = d;
          break;
        }
        if (["ul", "ol", "table", "tbody", "thead", "tfoot"].includes(t) || (name !== "tr" && t === "tr")) break;
      }
    }
    const el: HtmlElement = { tag: name, attrs: parseAttrs(inner), children: [] };
    top().children.push(el);
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      el.children.push(html.slice(i, close < 0 ? html.length : close));
      i = close < 0 ? html.length : findTagEnd(html, close) + 1;
    } else if (!VOID.has(name) && !inner.trimEnd().endsWith("/")) stack.push(el);
  }
  return root.children;
}

function findTagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let j = from + 1; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j;
  }
  return html.length;
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes numeric entities and the few named ones that matter for attributes and checks. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[e.toLowerCase()] ?? whole;
  });
}

/** Source text made safe to put back into HTML: bare & < > escaped, entities kept. */
export function escapeText(raw: string): string {
  return raw.replace(/&(?!#x[0-9a-f]+;|#[0-9]+;|[a-z][a-z0-9]*;)/gi, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
