import { z } from "zod";
import { safeHref } from "./links";

// The stored document format: TipTap/ProseMirror JSON restricted to the node and mark types
// the public renderer knows. The seed validates against it, and so will the newsroom editor.

export const UNSAFE_LINK = "En länk går inte att spara: den måste gå till en webbadress (https://…), en e-postadress (mailto:…), ett telefonnummer (tel:…) eller en sida här (/…).";

// The same rule the renderer applies (safeHref): what it would not render is never stored.
export const linkMarkSchema = z.object({
  type: z.literal("link"),
  attrs: z.object({ href: z.string().max(2048, { error: "En länkadress får ha högst 2 048 tecken." }).refine((v) => safeHref(v) !== null, { error: UNSAFE_LINK }) }),
});
export const markSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }),
  z.object({ type: z.literal("italic") }),
  linkMarkSchema,
]);

export const textNodeSchema = z.object({
  type: z.literal("text"),
  text: z.string().min(1),
  marks: z.array(markSchema).optional(),
});
export const inlineNodeSchema = z.discriminatedUnion("type", [textNodeSchema, z.object({ type: z.literal("hardBreak") })]);

export const imageAttrsSchema = z.object({
  src: z.string().regex(/^\/media\/[a-z0-9-]+\.(webp|png|jpg|jpeg|avif)$/),
  alt: z.string().trim().min(1, { error: "Bilden saknar alternativtext" }),
  caption: z.string().optional(),
  credit: z.string().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mediaId: z.string().optional(),
});

export type Mark = z.infer<typeof markSchema>;
export type TextNode = z.infer<typeof textNodeSchema>;
export type InlineNode = z.infer<typeof inlineNodeSchema>;
export type ImageAttrs = z.infer<typeof imageAttrsSchema>;

/** Big enough for a results table from a report, small enough to read on a phone. */
export const TABLE_LIMITS = { rows: 100, columns: 12 } as const;

export type ParagraphNode = { type: "paragraph"; content?: InlineNode[] };
export type TableCellNode = { type: "tableHeader" | "tableCell"; attrs?: { colspan?: number; rowspan?: number }; content: ParagraphNode[] };
export type TableRowNode = { type: "tableRow"; content: TableCellNode[] };
export type TableNode = { type: "table"; attrs?: { caption?: string }; content: TableRowNode[] };

export type BlockNode =
  | ParagraphNode
  | { type: "heading"; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: "bulletList"; content: ListItemNode[] }
  | { type: "orderedList"; attrs?: { start?: number }; content: ListItemNode[] }
  | { type: "blockquote"; content: BlockNode[] }
  | { type: "image"; attrs: ImageAttrs }
  | { type: "factBox"; attrs: { title: string }; content: BlockNode[] }
  | { type: "questionAnswer"; content: [QuestionNode, AnswerNode] }
  | TableNode;
export type ListItemNode = { type: "listItem"; content: BlockNode[] };
export type QuestionNode = { type: "question"; content: InlineNode[] };
export type AnswerNode = { type: "answer"; content: BlockNode[] };
export type RichTextDoc = { type: "doc"; content: BlockNode[] };

const inlines = z.array(inlineNodeSchema);
const paragraphSchema = z.object({ type: z.literal("paragraph"), content: inlines.optional() });

const span = z.number().int().min(1).max(TABLE_LIMITS.columns).optional();
const tableCellSchema = z.object({
  type: z.enum(["tableHeader", "tableCell"]),
  attrs: z.object({ colspan: span, rowspan: z.number().int().min(1).max(TABLE_LIMITS.rows).optional() }).optional(),
  content: z.array(paragraphSchema).min(1),
});
const tableRowSchema = z.object({
  type: z.literal("tableRow"),
  content: z
    .array(tableCellSchema)
    .min(1)
    .refine((cells) => cells.reduce((n, c) => n + (c.attrs?.colspan ?? 1), 0) <= TABLE_LIMITS.columns, {
      error: `En tabell får ha högst ${TABLE_LIMITS.columns} kolumner.`,
    }),
});
export const tableNodeSchema = z.object({
  type: z.literal("table"),
  attrs: z.object({ caption: z.string().max(300, { error: "En tabellrubrik får ha högst 300 tecken." }).optional() }).optional(),
  content: z.array(tableRowSchema).min(1).max(TABLE_LIMITS.rows, { error: `En tabell får ha högst ${TABLE_LIMITS.rows} rader.` }),
});
export const blockNodeSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    paragraphSchema,
    z.object({
      type: z.literal("heading"),
      attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
      content: inlines.optional(),
    }),
    z.object({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1) }),
    z.object({
      type: z.literal("orderedList"),
      attrs: z.object({ start: z.number().int().optional() }).optional(),
      content: z.array(listItemSchema).min(1),
    }),
    z.object({ type: z.literal("blockquote"), content: z.array(blockNodeSchema).min(1) }),
    z.object({ type: z.literal("image"), attrs: imageAttrsSchema }),
    z.object({
      type: z.literal("factBox"),
      attrs: z.object({ title: z.string() }),
      // A fact box may be a single fact in its title.
      content: z.array(blockNodeSchema),
    }),
    z.object({
      type: z.literal("questionAnswer"),
      content: z.tuple([
        z.object({ type: z.literal("question"), content: inlines.min(1) }),
        z.object({ type: z.literal("answer"), content: z.array(blockNodeSchema).min(1) }),
      ]),
    }),
    tableNodeSchema,
  ]),
);
const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.array(blockNodeSchema).min(1) }),
);

export const richTextDocSchema: z.ZodType<RichTextDoc> = z.object({
  type: z.literal("doc"),
  content: z.array(blockNodeSchema),
});

export const emptyDoc: RichTextDoc = { type: "doc", content: [] };
