import Image from "next/image";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { ImageCaption } from "@/components/ui/image-caption";
import { safeHref } from "@/lib/rich-text/links";
import type { BlockNode, InlineNode, RichTextDoc, TableNode, TableRowNode } from "@/lib/rich-text/schema";

// Renders a stored document into React elements through an allowlist of node and mark types.
// Nothing here produces raw HTML: text is always a React text child, unknown node types are
// dropped, and links pass safeHref, so no document can inject markup or script.

type Props = { doc: RichTextDoc | null | undefined };

export function RichText({ doc }: Props) {
  const blocks = Array.isArray(doc?.content) ? doc.content : [];
  return <div className="rich-text">{renderBlocks(blocks, "b")}</div>;
}

function renderBlocks(blocks: BlockNode[], keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i]!;
    if (node?.type === "questionAnswer") {
      // Consecutive question/answer pairs form one list. Each question is a heading, one level
      // below the body heading it follows, so screen-reader users can jump from question to
      // question; the styles keep it looking like the bold question of the printed interview.
      const Question = questionTag(blocks, i);
      const group: Extract<BlockNode, { type: "questionAnswer" }>[] = [];
      while (blocks[i]?.type === "questionAnswer") group.push(blocks[i++] as (typeof group)[number]);
      i--;
      out.push(
        <div key={`${keyPrefix}${i}`} className="qa-list">
          {group.map((qa, j) => {
            const [question, answer] = qa.content ?? [];
            if (question?.type !== "question" || answer?.type !== "answer") return null;
            return (
              <div key={j} className="qa">
                <Question className="qa-question">{renderInline(question.content)}</Question>
                <div className="qa-answer">{renderBlocks(answer.content ?? [], `${keyPrefix}${i}-${j}-`)}</div>
              </div>
            );
          })}
        </div>,
      );
      continue;
    }
    out.push(renderBlock(node, `${keyPrefix}${i}`));
  }
  return out;
}

const headingTag = (level: number | undefined) => (level === 3 ? "h3" : level === 4 ? "h4" : "h2");

/** The heading element for questions at `index`: one level below the last body heading before them (h2 when none, at most h4). */
function questionTag(blocks: BlockNode[], index: number): "h2" | "h3" | "h4" {
  for (let k = index - 1; k >= 0; k--) {
    const b = blocks[k];
    if (b?.type === "heading") return headingTag(Math.min((b.attrs?.level ?? 2) + 1, 4));
  }
  return "h2";
}

function renderBlock(node: BlockNode, key: string): ReactNode {
  switch (node?.type) {
    case "paragraph":
      return node.content?.length ? <p key={key}>{renderInline(node.content)}</p> : null;
    case "heading": {
      const Tag = headingTag(node.attrs?.level);
      return <Tag key={key}>{renderInline(node.content)}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{renderItems(node.content, key)}</ul>;
    case "orderedList": {
      const start = Number.isInteger(node.attrs?.start) ? node.attrs?.start : undefined;
      return (
        <ol key={key} start={start}>
          {renderItems(node.content, key)}
        </ol>
      );
    }
    case "blockquote":
      return <blockquote key={key}>{renderBlocks(node.content ?? [], `${key}-`)}</blockquote>;
    case "factBox":
      return (
        <aside key={key} className="fact-box" aria-label={String(node.attrs?.title || "Fakta")}>
          <p className="fact-box-title">{String(node.attrs?.title || "Fakta")}</p>
          {renderBlocks(node.content ?? [], `${key}-`)}
        </aside>
      );
    case "image":
      return <Figure key={key} attrs={node.attrs} />;
    case "table":
      return <Table key={key} node={node} />;
    default:
      return null;
  }
}

function renderItems(items: { type: string; content: BlockNode[] }[] | undefined, key: string): ReactNode[] {
  return (items ?? []).filter((li) => li?.type === "listItem").map((li, i) => <li key={`${key}-${i}`}>{renderBlocks(li.content ?? [], `${key}-${i}-`)}</li>);
}

const MEDIA_SRC = /^\/media\/[a-z0-9-]+\.(webp|png|jpg|jpeg|avif)$/;

function Figure({ attrs }: { attrs: Extract<BlockNode, { type: "image" }>["attrs"] }) {
  if (!attrs || typeof attrs.src !== "string" || !MEDIA_SRC.test(attrs.src) || !attrs.alt) return null;
  const width = Number(attrs.width) || 1200;
  const height = Number(attrs.height) || 675;
  return (
    <figure className="rich-figure">
      <Image src={attrs.src} alt={String(attrs.alt)} width={width} height={height} sizes="(min-width: 768px) 720px, 100vw" />
      <ImageCaption caption={attrs.caption ? String(attrs.caption) : null} credit={attrs.credit ? String(attrs.credit) : null} />
    </figure>
  );
}

/**
 * A table in a wrapper that scrolls sideways on narrow screens. The wrapper is focusable and
 * named, so keyboard users can scroll it too. A first row of header cells is the column
 * header (scope="col"); header cells further down head their rows (scope="row").
 */
function Table({ node }: { node: TableNode }) {
  const rows = (Array.isArray(node?.content) ? node.content : []).filter((r) => r?.type === "tableRow" && Array.isArray(r.content) && r.content.length > 0);
  if (!rows.length) return null;
  const caption = typeof node.attrs?.caption === "string" && node.attrs.caption.trim() ? node.attrs.caption.trim() : null;
  const head = rows[0]!.content.every((c) => c?.type === "tableHeader") ? rows[0]! : null;
  const body = head ? rows.slice(1) : rows;
  return (
    <div className="table-scroll" role="region" aria-label={caption ? `Tabell: ${caption}` : "Tabell"} tabIndex={0}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        {head ? <thead>{renderRow(head, "col", "h")}</thead> : null}
        {body.length ? <tbody>{body.map((row, i) => renderRow(row, "row", String(i)))}</tbody> : null}
      </table>
    </div>
  );
}

function renderRow(row: TableRowNode, headerScope: "col" | "row", key: string): ReactNode {
  return (
    <tr key={key}>
      {row.content.map((cell, i) => {
        if (cell?.type !== "tableHeader" && cell?.type !== "tableCell") return null;
        const span = (n: unknown) => (Number.isInteger(n) && (n as number) > 1 ? (n as number) : undefined);
        const paragraphs = (Array.isArray(cell.content) ? cell.content : []).filter((p) => p?.type === "paragraph");
        // One paragraph is the cell's text; several keep their paragraphs.
        const content = paragraphs.length === 1 ? renderInline(paragraphs[0]!.content) : renderBlocks(paragraphs, `${key}-${i}-`);
        const props = { colSpan: span(cell.attrs?.colspan), rowSpan: span(cell.attrs?.rowspan) };
        return cell.type === "tableHeader" ? (
          <th key={i} scope={headerScope} {...props}>
            {content}
          </th>
        ) : (
          <td key={i} {...props}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

function renderInline(nodes: InlineNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    if (node?.type === "hardBreak") return <br key={i} />;
    if (node?.type !== "text" || typeof node.text !== "string") return null;
    let el: ReactNode = node.text;
    for (const mark of node.marks ?? []) {
      if (mark?.type === "bold") el = <strong>{el}</strong>;
      else if (mark?.type === "italic") el = <em>{el}</em>;
      else if (mark?.type === "link") {
        const href = safeHref(mark.attrs?.href);
        if (href) el = href.startsWith("/") ? <Link href={href}>{el}</Link> : <a href={href}>{el}</a>;
      }
    }
    return <Fragment key={i}>{el}</Fragment>;
  });
}
