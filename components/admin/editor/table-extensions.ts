import { mergeAttributes, Node, type Editor } from "@tiptap/core";
import { TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import { findTable, goToNextCell, tableEditing, TableMap } from "@tiptap/pm/tables";
import { TABLE_LIMITS } from "@/lib/rich-text/schema";

// Tables in the body editor, built on prosemirror-tables (shipped in @tiptap/pm) rather than
// @tiptap/extension-table, which has no release matching our @tiptap 3.34 packages. The node
// names and attributes are those of the stored format (lib/rich-text/schema.ts): table (with
// an optional caption), tableRow, tableHeader and tableCell holding paragraphs.

const ROLES: Record<string, string> = { table: "table", tableRow: "row", tableHeader: "header_cell", tableCell: "cell" };

const span = (name: "colspan" | "rowspan") => ({
  default: 1,
  parseHTML: (el: HTMLElement) => Math.max(1, Number(el.getAttribute(name)) || 1),
  renderHTML: (attrs: Record<string, unknown>) => (Number(attrs[name]) > 1 ? { [name]: attrs[name] } : {}),
});
// prosemirror-tables keeps column widths in cells; we never resize columns, so it stays null.
const cellAttributes = () => ({ colspan: span("colspan"), rowspan: span("rowspan"), colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) } });

export const TableNode = Node.create({
  name: "table",
  group: "block",
  content: "tableRow+",
  isolating: true,
  // prosemirror-tables finds the table's parts by this schema field.
  extendNodeSchema(extension) {
    const tableRole = ROLES[extension.name];
    return tableRole ? { tableRole } : {};
  },
  addAttributes() {
    return { caption: { default: null, parseHTML: (el) => el.querySelector(":scope > caption")?.textContent?.trim() || null, renderHTML: () => ({}) } };
  },
  parseHTML() {
    // The caption is an attribute, not rows: its text must not become a cell.
    return [{ tag: "table" }, { tag: "caption", ignore: true }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const caption = node.attrs.caption as string | null;
    return [
      "table",
      mergeAttributes(HTMLAttributes, { class: "editor-table" }),
      ...(caption ? [["caption", { class: "editor-table-caption", contenteditable: "false" }, `Tabellrubrik: ${caption}`]] : []),
      ["tbody", 0],
    ];
  },
  addKeyboardShortcuts() {
    // Tab moves between cells; from the last cell (or Shift+Tab from the first) it leaves the
    // editor as usual, so the table is no keyboard trap.
    return {
      Tab: () => goToNextCell(1)(this.editor.state, this.editor.view.dispatch),
      "Shift-Tab": () => goToNextCell(-1)(this.editor.state, this.editor.view.dispatch),
    };
  },
  addProseMirrorPlugins() {
    return [tableEditing({ allowTableNodeSelection: false })];
  },
});

export const TableRowNode = Node.create({
  name: "tableRow",
  content: "(tableCell | tableHeader)+",
  parseHTML: () => [{ tag: "tr" }],
  renderHTML: ({ HTMLAttributes }) => ["tr", HTMLAttributes, 0],
});

const cellNode = (name: "tableHeader" | "tableCell", tag: "th" | "td") =>
  Node.create({
    name,
    content: "paragraph+",
    isolating: true,
    addAttributes: cellAttributes,
    parseHTML: () => [{ tag }],
    renderHTML: ({ HTMLAttributes }) => [tag, HTMLAttributes, 0],
  });

export const TableHeaderNode = cellNode("tableHeader", "th");
export const TableCellNode = cellNode("tableCell", "td");

export const tableExtensions = [TableNode, TableRowNode, TableHeaderNode, TableCellNode];

/** A new table: a header row and two rows of data, three columns. */
export function newTableJson(rows = 3, columns = 3) {
  const row = (type: string) => ({ type: "tableRow", content: Array.from({ length: columns }, () => ({ type, content: [{ type: "paragraph" }] })) });
  return { type: "table", content: [row("tableHeader"), ...Array.from({ length: rows - 1 }, () => row("tableCell"))] };
}

/** Inserts a new table at the cursor and puts the cursor in its first cell. */
export function insertTable(editor: Editor) {
  const from = editor.state.selection.from;
  editor.chain().focus().insertContent(newTableJson()).run();
  let target = -1;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === "table" && pos >= from - 1 && target < 0) target = pos;
    return target < 0;
  });
  if (target >= 0) editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(target + 1))));
}

export type TableState = { inTable: false } | { inTable: true; pos: number; caption: string; rows: number; columns: number; headerRow: boolean };

export function tableState(state: EditorState): TableState {
  const found = findTable(state.selection.$from);
  if (!found) return { inTable: false };
  const map = TableMap.get(found.node);
  const first = found.node.firstChild;
  const headerRow = !!first && first.childCount > 0 && Array.from({ length: first.childCount }, (_, i) => first.child(i)).every((c) => c.type.name === "tableHeader");
  return { inTable: true, pos: found.pos, caption: (found.node.attrs.caption as string | null) ?? "", rows: map.height, columns: map.width, headerRow };
}

export const canAddRow = (t: TableState) => t.inTable && t.rows < TABLE_LIMITS.rows;
export const canAddColumn = (t: TableState) => t.inTable && t.columns < TABLE_LIMITS.columns;

/** Sets the caption of the table the cursor is in (an empty caption removes it). */
export function setTableCaption(state: EditorState, dispatch: (tr: Transaction) => void, caption: string) {
  const found = findTable(state.selection.$from);
  if (!found) return;
  dispatch(state.tr.setNodeAttribute(found.pos, "caption", caption === "" ? null : caption));
}
