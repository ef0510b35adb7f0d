"use client";

import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import { isInTable } from "@tiptap/pm/tables";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { ImageAttrs, RichTextDoc } from "@/lib/rich-text/schema";
import { editorExtensions } from "./extensions";
import { useImageTextDialog, type ImageTexts } from "./image-text-dialog";
import { useLinkDialog, type LinkChoice } from "./link-dialog";
import { cleanPastedHtml, htmlHasStructure, isEditorHtml, looksLikeMarkdown, markdownForPaste, pasteMessage } from "@/lib/rich-text/paste";
import { insertTable } from "./table-extensions";
import { TableTools } from "./table-tools";
import { Tool } from "./tool-button";

// The body editor: TipTap with our document schema and a toolbar of ordinary buttons (each
// reachable by Tab, with its state in aria-pressed). Images come only from the media library,
// so each has its alt text before it can be inserted; a dropped or pasted image file opens the
// library's upload with the file. Pasted HTML is cleaned (paste.ts) and pasted Markdown is
// converted, and a polite live region says what a paste left out.

export type PickImage = (options?: { file?: File }) => Promise<ImageAttrs | null>;

type Props = {
  initial: RichTextDoc;
  labelId: string;
  errorId?: string;
  invalid?: boolean;
  onChange: (json: unknown) => void;
  /** Opens the media library (on its upload form with `file`); resolves with the image, or null if cancelled. */
  pickImage: PickImage;
  /** Hands the TipTap editor out (the accessibility check's "Visa" moves the cursor to a block). */
  onEditor?: (editor: Editor | null) => void;
};

const imageFiles = (list: FileList | null | undefined) => Array.from(list ?? []).filter((f) => f.type.startsWith("image/"));

export function RichTextEditor({ initial, labelId, errorId, invalid, onChange, pickImage, onEditor }: Props) {
  const linkDialog = useLinkDialog();
  const imageTexts = useImageTextDialog();
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  // The editor's handlers are set once, so they call through refs.
  const openLink = useRef<() => void>(() => undefined);
  const editorRef = useRef<Editor | null>(null);
  const pickRef = useRef(pickImage);
  const announce = useRef((text: string | null) => setNotice((old) => (text ? { text, n: (old?.n ?? 0) + 1 } : null)));
  useEffect(() => {
    pickRef.current = pickImage;
  }, [pickImage]);

  const uploadFiles = (files: File[], pos?: number) => {
    const editor = editorRef.current;
    if (!editor) return;
    void (async () => {
      for (const file of files) await insertImage(editor, () => pickRef.current({ file }), pos);
    })();
  };

  const editor = useEditor({
    extensions: editorExtensions,
    content: initial,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(errorId ? { "aria-describedby": errorId } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "editor-body rich-text min-h-72 rounded-b border border-slate-500 bg-white px-4 py-3 focus:outline-3 focus:outline-brand-600",
      },
      handleKeyDown: (view, event) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
          event.preventDefault();
          syncSelectionFromDom(view);
          openLink.current();
          return true;
        }
        return false;
      },
      transformPastedHTML: (html) => {
        if (isEditorHtml(html)) return html;
        const cleaned = cleanPastedHtml(html);
        announce.current(pasteMessage(cleaned.report));
        return cleaned.html;
      },
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        const html = data?.getData("text/html") ?? "";
        const files = imageFiles(data?.files);
        if (!html && files.length) {
          event.preventDefault();
          uploadFiles(files);
          return true;
        }
        const text = data?.getData("text/plain") ?? "";
        const e = editorRef.current;
        if (!e || !text || htmlHasStructure(html) || isEditorHtml(html) || !looksLikeMarkdown(text)) return false;
        const { doc, report } = markdownForPaste(text);
        if (!doc.content.length) return false;
        event.preventDefault();
        e.chain().focus().insertContent(doc.content).run();
        announce.current(pasteMessage(report) ?? "Inklistrat. Markdown blev formaterad text.");
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = moved ? [] : imageFiles(event.dataTransfer?.files);
        if (!files.length) return false;
        event.preventDefault();
        uploadFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
        return true;
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });

  useEffect(() => {
    editorRef.current = editor;
    if (!editor) return;
    openLink.current = () => void editLink(editor, linkDialog.ask);
  }, [editor, linkDialog.ask]);
  useEffect(() => {
    onEditor?.(editor);
  }, [editor, onEditor]);

  return (
    <div>
      {linkDialog.dialog}
      {imageTexts.dialog}
      {editor ? (
        <>
          <Toolbar editor={editor} pickImage={pickImage} editLink={() => void editLink(editor, linkDialog.ask)} editImageTexts={() => void editImageTexts(editor, imageTexts.ask)} />
          <TableTools editor={editor} />
        </>
      ) : null}
      <EditorContent editor={editor} />
      <p role="status" className="mt-1 min-h-6 text-sm text-slate-700">
        {notice ? <span key={notice.n}>{notice.text}</span> : null}
      </p>
    </div>
  );
}

/** Asks the library for an image and inserts it at `pos` (a drop) or at the cursor. */
async function insertImage(editor: Editor, pick: () => Promise<ImageAttrs | null>, pos?: number) {
  const image = await pick();
  if (!image) return void editor.commands.focus();
  const node = { type: "image", attrs: image };
  if (pos === undefined) editor.chain().focus().insertContent(node).run();
  else editor.chain().focus().insertContentAt(Math.min(pos, editor.state.doc.content.size), node).run();
  cursorAfterSelectedBlock(editor);
}

function selectedImage(editor: Editor): { pos: number; texts: ImageTexts } | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== "image") return null;
  const a = selection.node.attrs as Record<string, string | null>;
  return { pos: selection.from, texts: { alt: a.alt ?? "", caption: a.caption ?? "", credit: a.credit ?? "" } };
}

/** Edits the selected image's alt text, caption and credit in this document. */
async function editImageTexts(editor: Editor, ask: (current: ImageTexts) => Promise<ImageTexts | null>) {
  const image = selectedImage(editor);
  if (!image) return;
  const texts = await ask(image.texts);
  if (!texts) return void editor.commands.focus();
  editor
    .chain()
    .focus()
    .setNodeSelection(image.pos)
    .updateAttributes("image", { alt: texts.alt, caption: texts.caption || null, credit: texts.credit || null })
    .run();
}

/**
 * TipTap leaves an inserted atom (an image) selected as a node, and the next key typed would
 * replace it. The cursor goes to the start of the text block after it instead, a new empty
 * paragraph when none follows.
 */
function cursorAfterSelectedBlock(editor: Editor) {
  const { selection, doc } = editor.state;
  if (!(selection instanceof NodeSelection)) return;
  const after = selection.to;
  if (doc.resolve(after).nodeAfter?.isTextblock) editor.chain().focus().setTextSelection(after + 1).run();
  else editor.chain().focus().insertContentAt(after, { type: "paragraph" }).setTextSelection(after + 1).run();
}

/** Asks for the link's address and applies it to the selection (or the link the cursor is in). */
/**
 * A selection made by the keys just before (Shift+arrows) reaches the editor's state through
 * the browser's selectionchange, which may still be queued when Ctrl+K arrives: the link would
 * then go on the selection as it was a key earlier. Takes the page's selection first.
 */
function syncSelectionFromDom(view: EditorView) {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return;
  try {
    const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const head = view.posAtDOM(sel.focusNode, sel.focusOffset);
    const current = view.state.selection;
    if (anchor === current.anchor && head === current.head) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  } catch {
    // A position the document does not have (a node view's inside): keep the editor's own.
  }
}

async function editLink(editor: Editor, ask: (href: string) => Promise<LinkChoice>) {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const choice = await ask(current);
  const chain = editor.chain().focus().extendMarkRange("link");
  if (choice === "remove") chain.unsetLink().run();
  else if (choice) chain.setLink({ href: choice.href }).run();
  else editor.commands.focus();
}

type ToolbarProps = { editor: Editor; pickImage: PickImage; editLink: () => void; editImageTexts: () => void };

function Toolbar({ editor, pickImage, editLink: onLink, editImageTexts: onImageTexts }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      factBox: e.isActive("factBox"),
      inTable: isInTable(e.state),
      image: selectedImage(e) !== null,
    }),
  });
  const chain = () => editor.chain().focus();

  const insertFactBox = () => {
    const title = window.prompt("Faktarutans rubrik", "Fakta");
    if (title === null) return;
    chain()
      .insertContent({ type: "factBox", attrs: { title: title.trim() || "Fakta" }, content: [{ type: "paragraph" }] })
      .run();
  };

  const insertQuestionAnswer = () => {
    chain()
      .insertContent({ type: "questionAnswer", content: [{ type: "question" }, { type: "answer", content: [{ type: "paragraph" }] }] })
      .run();
    // Put the cursor in the new question, ready to type.
    const selection = editor.state.selection.from;
    let target = -1;
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === "questionAnswer" && pos < selection) target = pos;
    });
    if (target >= 0) editor.chain().focus().setTextSelection(target + 2).run();
  };

  return (
    <div role="group" aria-label="Formatering av brödtexten" className="flex flex-wrap gap-1 rounded-t border border-b-0 border-slate-500 bg-slate-100 p-1">
      <Tool pressed={state.bold} onClick={() => chain().toggleBold().run()}>
        <b>Fet</b>
      </Tool>
      <Tool pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
        <i>Kursiv</i>
      </Tool>
      <Tool pressed={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        Rubrik 2
      </Tool>
      <Tool pressed={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        Rubrik 3
      </Tool>
      <Tool pressed={state.h4} onClick={() => chain().toggleHeading({ level: 4 }).run()}>
        Rubrik 4
      </Tool>
      <Tool pressed={state.bullet} onClick={() => chain().toggleBulletList().run()}>
        Punktlista
      </Tool>
      <Tool pressed={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
        Numrerad lista
      </Tool>
      <Tool pressed={state.quote} onClick={() => chain().toggleBlockquote().run()}>
        Citat
      </Tool>
      <Tool pressed={state.link} onClick={onLink} shortcut="Ctrl+K">
        Länk
      </Tool>
      <Tool disabled={state.inTable} onClick={() => insertTable(editor)}>
        Infoga tabell
      </Tool>
      <Tool disabled={!state.image} onClick={onImageTexts}>
        Bildens texter
      </Tool>
      <Tool onClick={() => void insertImage(editor, () => pickImage())}>
        Bild
      </Tool>
      <Tool pressed={state.factBox} onClick={insertFactBox}>
        Faktaruta
      </Tool>
      <Tool onClick={insertQuestionAnswer}>
        Fråga och svar
      </Tool>
    </div>
  );
}
