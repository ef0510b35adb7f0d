import { Lexer, type Token, type Tokens } from "marked";
import type { BlockNode, ImageAttrs, InlineNode, Mark, RichTextDoc, TableCellNode, TableNode } from "./schema";

// Turns the Markdown that communications officers write in content/ into the stored
// document format. Conventions beyond plain Markdown:
// - in interviews, a paragraph that is entirely bold is a question; the blocks up to the
//   next question or heading are its answer;
// - a blockquote starting with "[!FAKTA] Title" is a fact box;
// - an image alone on a line becomes a figure; its Markdown title is the caption;
// - a GFM table becomes a table whose first row is its header row (Markdown has no caption).

export type ImageResolver = (src: string, alt: string, title: string | null) => ImageAttrs;
type Options = { interview?: boolean; resolveImage?: ImageResolver };

export function markdownToDoc(markdown: string, opts: Options = {}): RichTextDoc {
  const blocks = convertBlocks(new Lexer().lex(markdown), opts);
  return { type: "doc", content: opts.interview ? groupQuestions(blocks) : blocks.map((b) => b.node) };
}

type Converted = { node: BlockNode; question?: boolean };

function convertBlocks(tokens: Token[], opts: Options): Converted[] {
  const out: Converted[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "heading": {
        const level = Math.min(4, Math.max(2, token.depth)) as 2 | 3 | 4;
        out.push({ node: { type: "heading", attrs: { level }, content: inline(token.tokens ?? []) } });
        break;
      }
      case "paragraph": {
        const tokens = (token as Tokens.Paragraph).tokens.filter((t) => !(t.type === "text" && t.raw.trim() === ""));
        if (tokens.length === 1 && tokens[0]!.type === "image") {
          out.push({ node: image(tokens[0] as Tokens.Image, opts) });
        } else if (tokens.length === 1 && tokens[0]!.type === "strong") {
          out.push({ node: { type: "paragraph", content: inline(token.tokens ?? []) }, question: true });
        } else {
          out.push({ node: { type: "paragraph", content: inline(token.tokens ?? []) } });
        }
        break;
      }
      case "list": {
        const list = token as Tokens.List;
        const content = list.items
          .map((item) => ({ type: "listItem" as const, content: convertBlocks(itemTokens(item), opts).map((b) => b.node) }))
          .filter((item) => item.content.length > 0);
        if (content.length === 0) break;
        out.push({
          node: list.ordered
            ? { type: "orderedList", attrs: { start: typeof list.start === "number" ? list.start : 1 }, content }
            : { type: "bulletList", content },
        });
        break;
      }
      case "blockquote": {
        const quote = token as Tokens.Blockquote;
        const fact = /^\[!FAKTA\][ \t]*(.*)(?:\n|$)/.exec(quote.text);
        if (fact) {
          const inner = quote.text.slice(fact[0].length);
          out.push({
            node: { type: "factBox", attrs: { title: fact[1]!.trim() || "Fakta" }, content: convertBlocks(new Lexer().lex(inner), opts).map((b) => b.node) },
          });
        } else {
          const content = convertBlocks(quote.tokens, opts).map((b) => b.node);
          if (content.length) out.push({ node: { type: "blockquote", content } });
        }
        break;
      }
      case "text": {
        // Loose text inside list items.
        const t = token as Tokens.Text;
        out.push({ node: { type: "paragraph", content: inline(t.tokens ?? [{ type: "text", raw: t.text, text: t.text } as Tokens.Text]) } });
        break;
      }
      case "code":
        out.push({ node: { type: "paragraph", content: textNodes(token.text, []) } });
        break;
      case "table":
        out.push({ node: table(token as Tokens.Table) });
        break;
      default:
        // space, hr, html: not part of the document format.
        break;
    }
  }
  return out;
}

function table(token: Tokens.Table): TableNode {
  const cell = (type: TableCellNode["type"], c: Tokens.TableCell): TableCellNode => {
    const content = inline(c.tokens);
    return { type, content: [content.length ? { type: "paragraph", content } : { type: "paragraph" }] };
  };
  return {
    type: "table",
    content: [
      { type: "tableRow", content: token.header.map((c) => cell("tableHeader", c)) },
      ...token.rows.map((row) => ({ type: "tableRow" as const, content: row.map((c) => cell("tableCell", c)) })),
    ],
  };
}

function itemTokens(item: Tokens.ListItem): Token[] {
  return item.tokens;
}

function image(token: Tokens.Image, opts: Options): BlockNode {
  if (!opts.resolveImage) throw new Error(`Image ${token.href} found, but no image resolver was given`);
  return { type: "image", attrs: opts.resolveImage(token.href, token.text, token.title ?? null) };
}

function inline(tokens: Token[], marks: Mark[] = []): InlineNode[] {
  const out: InlineNode[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "strong":
        out.push(...inline((t as Tokens.Strong).tokens, addMark(marks, { type: "bold" })));
        break;
      case "em":
        out.push(...inline((t as Tokens.Em).tokens, addMark(marks, { type: "italic" })));
        break;
      case "link":
        out.push(...inline((t as Tokens.Link).tokens, addMark(marks, { type: "link", attrs: { href: (t as Tokens.Link).href } })));
        break;
      case "br":
        out.push({ type: "hardBreak" });
        break;
      case "text": {
        const text = t as Tokens.Text;
        if (text.tokens?.length) out.push(...inline(text.tokens, marks));
        else out.push(...textNodes(decodeEntities(text.text), marks));
        break;
      }
      case "escape":
      case "codespan":
        out.push(...textNodes(decodeEntities((t as Tokens.Escape).text), marks));
        break;
      case "del":
        out.push(...inline((t as Tokens.Del).tokens, marks));
        break;
      default:
        if ("text" in t && typeof t.text === "string") out.push(...textNodes(t.text, marks));
    }
  }
  return mergeText(out);
}

function addMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

function textNodes(text: string, marks: Mark[]): InlineNode[] {
  const clean = text.replace(/\s*\n\s*/g, " ");
  if (clean === "") return [];
  return [marks.length ? { type: "text", text: clean, marks } : { type: "text", text: clean }];
}

function mergeText(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (prev?.type === "text" && n.type === "text" && JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])) {
      out[out.length - 1] = { ...prev, text: prev.text + n.text };
    } else out.push(n);
  }
  return out;
}

// marked keeps these few entities encoded in text tokens.
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}

function groupQuestions(blocks: Converted[]): BlockNode[] {
  const out: BlockNode[] = [];
  let current: { original: BlockNode; question: InlineNode[]; answer: BlockNode[] } | null = null;
  const flush = () => {
    if (current && current.answer.length) out.push({ type: "questionAnswer", content: [{ type: "question", content: current.question }, { type: "answer", content: current.answer }] });
    // A bold paragraph nothing answers is just a bold paragraph.
    else if (current) out.push(current.original);
    current = null;
  };
  for (const b of blocks) {
    if (b.question && b.node.type === "paragraph") {
      flush();
      current = { original: b.node, question: stripBold(b.node.content ?? []), answer: [] };
    } else if (b.node.type === "heading") {
      flush();
      out.push(b.node);
    } else if (current) current.answer.push(b.node);
    else out.push(b.node);
  }
  flush();
  return out;
}

function stripBold(nodes: InlineNode[]): InlineNode[] {
  return nodes.map((n) => {
    if (n.type !== "text" || !n.marks) return n;
    const marks = n.marks.filter((m) => m.type !== "bold");
    return marks.length ? { ...n, marks } : { type: "text", text: n.text };
  });
}
