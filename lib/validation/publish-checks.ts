import type { BlockNode, InlineNode, RichTextDoc } from "@/lib/rich-text/schema";
import { META_DESCRIPTION_MAX } from "./story";

// The accessibility check before publishing (tillgänglighetskontroll): what WCAG 2.1 AA asks
// of the text an editor writes, as far as a machine can see it. The editor shows the result
// live as the story is typed; the server runs the same function on the saved story when it is
// published or scheduled. Errors block publishing unless an editor overrides them with a
// reason (audited); warnings do not block.

export type CheckLevel = "error" | "warning";

export type PublishCheck = {
  /** Stable per finding, for React keys and the audit: "image-alt:3.0". */
  id: string;
  level: CheckLevel;
  /** The field to fix; "body" findings also carry the path of the block in the document. */
  field: "body" | "heroImageId" | "metaDescription" | "pageOwner";
  /** Child indices from the document down to the block: [3, 0] is the first block inside the fourth. */
  path?: number[];
  message: string;
  /** How to fix it, in a sentence. */
  fix: string;
};

export type PublishCheckInput = {
  body: RichTextDoc;
  metaDescription: string | null;
  pageOwner: string | null;
  /** The hero image as the editor shows it (its alt text from the media library), or none. */
  hero: { alt: string | null } | null;
};

/** Link texts that say nothing about where the link goes, once read out of context. */
const VAGUE_LINK_TEXTS = new Set([
  "här",
  "klicka här",
  "klicka",
  "tryck här",
  "läs mer",
  "läs mer här",
  "mer",
  "mer info",
  "mer information",
  "länk",
  "länken",
  "denna länk",
  "den här länken",
  "click here",
  "here",
  "read more",
  "more",
]);

const DOCUMENT_LINK = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf)$/i;
const DOCUMENT_NAMES: Record<string, RegExp> = {
  pdf: /\bpdf\b/i,
  doc: /\b(word|docx?)\b/i,
  docx: /\b(word|docx?)\b/i,
  xls: /\b(excel|xlsx?|kalkylblad)\b/i,
  xlsx: /\b(excel|xlsx?|kalkylblad)\b/i,
  ppt: /\b(powerpoint|pptx?|presentation)\b/i,
  pptx: /\b(powerpoint|pptx?|presentation)\b/i,
  odt: /\b(odt|opendocument|libreoffice)\b/i,
  ods: /\b(ods|opendocument|libreoffice|kalkylblad)\b/i,
  odp: /\b(odp|opendocument|libreoffice|presentation)\b/i,
  rtf: /\b(rtf|word)\b/i,
};
const DOCUMENT_LABEL: Record<string, string> = { pdf: "PDF", doc: "Word", docx: "Word", xls: "Excel", xlsx: "Excel", ppt: "Powerpoint", pptx: "Powerpoint", odt: "OpenDocument", ods: "OpenDocument", odp: "OpenDocument", rtf: "RTF" };

/** Whether an alt text is a file name or a camera's numbering rather than a description. */
export function looksLikeFileName(alt: string): boolean {
  const text = alt.trim();
  if (/\.(jpe?g|png|gif|webp|avif|heic|tiff?|bmp|svg)$/i.test(text)) return true;
  if (/^(img|dsc|dscn|dscf|pict|pxl|p|image|bild|foto|photo|screenshot|skärmbild)[-_ ]?\d+/i.test(text)) return true;
  // One "word" of letters, digits, underscores and dashes with digits in it: "hamn_2023-04_v2".
  return !/\s/.test(text) && /\d/.test(text) && /[_-]/.test(text);
}

function inlineText(content: InlineNode[] | undefined): string {
  return (content ?? []).map((n) => (n.type === "text" ? n.text : " ")).join("");
}

/** The links in a run of inline nodes, adjacent text with the same address joined into one. */
function linksOf(content: InlineNode[] | undefined): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  let open: { href: string; text: string } | null = null;
  for (const node of content ?? []) {
    const href = node.type === "text" ? node.marks?.find((m) => m.type === "link")?.attrs.href : undefined;
    if (node.type === "text" && href !== undefined) {
      if (open && open.href === href) open.text += node.text;
      else links.push((open = { href, text: node.text }));
    } else open = null;
  }
  return links;
}

/** "  Läs mer… " → "läs mer": what a screen reader's link list would read. */
function normalisedLinkText(text: string): string {
  return text
    .toLocaleLowerCase("sv")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function documentType(href: string): string | null {
  const path = href.split(/[?#]/, 1)[0] ?? "";
  return DOCUMENT_LINK.exec(path)?.[1]?.toLowerCase() ?? null;
}

/** A paragraph written in capitals (shouting, and harder to read), not an abbreviation or two. */
function inCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 12 || text.trim().split(/\s+/).length < 3) return false;
  const upper = letters.filter((l) => l !== l.toLocaleLowerCase("sv")).length;
  return upper / letters.length > 0.8;
}

/** Visits every block in document order with its path (the same child indices the editor's document has). */
function walk(blocks: BlockNode[], path: number[], visit: (node: BlockNode, path: number[]) => void): void {
  blocks.forEach((node, i) => {
    const here = [...path, i];
    visit(node, here);
    switch (node.type) {
      case "blockquote":
      case "factBox":
        return walk(node.content ?? [], here, visit);
      case "bulletList":
      case "orderedList":
        return node.content?.forEach((item, j) => walk(item.content ?? [], [...here, j], visit));
      case "questionAnswer":
        return walk(node.content?.[1]?.content ?? [], [...here, 1], visit);
      case "table":
        return node.content?.forEach((row, r) => row.content?.forEach((cell, c) => walk(cell.content ?? [], [...here, r, c], visit)));
    }
  });
}

export function publishChecks(input: PublishCheckInput): PublishCheck[] {
  const checks: PublishCheck[] = [];
  const add = (check: Omit<PublishCheck, "id"> & { kind: string }) => {
    const { kind, ...rest } = check;
    checks.push({ id: `${kind}:${check.path?.join(".") ?? check.field}`, ...rest });
  };

  if (input.hero) {
    const alt = input.hero.alt?.trim() ?? "";
    if (!alt) add({ kind: "hero-alt", level: "error", field: "heroImageId", message: "Huvudbilden saknar alternativtext.", fix: "Beskriv bilden i bildbanken, eller välj en annan bild." });
    else if (looksLikeFileName(alt)) add({ kind: "hero-alt", level: "error", field: "heroImageId", message: `Huvudbildens alternativtext ”${alt}” ser ut som ett filnamn.`, fix: "Skriv vad bilden visar i bildbanken." });
  }

  let previousLevel = 1; // the story's title is the page's h1
  // The live check reads the editor's own JSON, which may be looser than the stored format.
  walk(input.body?.content ?? [], [], (node, path) => {
    if (node.type === "image") {
      const alt = (node.attrs?.alt ?? "").trim();
      if (!alt) add({ kind: "image-alt", level: "error", field: "body", path, message: "En bild i texten saknar alternativtext.", fix: "Markera bilden och välj Bildtext för att beskriva den." });
      else if (looksLikeFileName(alt)) add({ kind: "image-alt", level: "error", field: "body", path, message: `Bildens alternativtext ”${alt}” ser ut som ett filnamn.`, fix: "Markera bilden och välj Bildtext för att beskriva vad den visar." });
      return;
    }
    if (node.type === "heading") {
      const text = inlineText(node.content).trim();
      if (!text) add({ kind: "heading-empty", level: "error", field: "body", path, message: "En mellanrubrik är tom.", fix: "Skriv rubriken, eller gör raden till ett vanligt stycke." });
      const level = node.attrs?.level ?? 2;
      if (text && level > previousLevel + 1) {
        add({ kind: "heading-skip", level: "error", field: "body", path, message: `Mellanrubriken ”${text}” hoppar från nivå ${previousLevel} till nivå ${level}.`, fix: `Gör den till nivå ${previousLevel + 1}, så att rubrikerna följer varandra utan glapp.` });
      }
      if (text) previousLevel = level;
    }
    if (node.type === "paragraph" || node.type === "heading") {
      for (const link of linksOf(node.content)) {
        const said = normalisedLinkText(link.text);
        if (VAGUE_LINK_TEXTS.has(said)) {
          add({ kind: "link-text", level: "error", field: "body", path, message: `Länktexten ”${link.text.trim()}” säger inte vart länken går.`, fix: "Låt länktexten säga vad man hittar, till exempel ”programmet för företagsfrukosten”." });
        }
        const type = documentType(link.href);
        if (type && !DOCUMENT_NAMES[type]?.test(link.text)) {
          add({ kind: "link-document", level: "warning", field: "body", path, message: `Länken ”${link.text.trim()}” går till ett dokument (${DOCUMENT_LABEL[type]}) utan att säga det.`, fix: `Skriv formatet i länktexten, till exempel ”Verksamhetsplan 2027 (${DOCUMENT_LABEL[type]})”.` });
        }
      }
      if (node.type === "paragraph" && inCapitals(inlineText(node.content))) {
        add({ kind: "capitals", level: "warning", field: "body", path, message: "Ett stycke är skrivet med versaler, vilket är svårare att läsa.", fix: "Skriv stycket med vanliga gemener och versaler." });
      }
    }
  });

  if ((input.metaDescription?.trim().length ?? 0) > META_DESCRIPTION_MAX) {
    add({ kind: "meta-length", level: "error", field: "metaDescription", message: `Metabeskrivningen är längre än ${META_DESCRIPTION_MAX} tecken och kortas av i sökmotorerna.`, fix: `Korta den till högst ${META_DESCRIPTION_MAX} tecken.` });
  }
  if (!input.pageOwner?.trim()) add({ kind: "page-owner", level: "warning", field: "pageOwner", message: "Sidansvarig saknas.", fix: "Skriv vem läsarna kan kontakta om innehållet." });
  return checks;
}

export const errorsOf = (checks: PublishCheck[]) => checks.filter((c) => c.level === "error");

/** The override's reason: an editor who publishes despite errors says why (audited). */
export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 500;
