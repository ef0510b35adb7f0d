"use client";

import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { ImageAttrs, RichTextDoc } from "@/lib/rich-text/schema";
import { editorExtensions } from "./extensions";
import { useLinkDialog, type LinkChoice } from "./link-dialog";

// The body editor: TipTap with our document schema and a toolbar of ordinary buttons (each
// reachable by Tab, with its state in aria-pressed). Images come only from the media library,
// so each has its alt text before it can be inserted.

type Props = {
  initial: RichTextDoc;
  labelId: string;
  errorId?: string;
  invalid?: boolean;
  onChange: (json: unknown) => void;
  /** Opens the media library; resolves with the chosen image, or null if cancelled. */
  pickImage: () => Promise<ImageAttrs | null>;
};

export function RichTextEditor({ initial, labelId, errorId, invalid, onChange, pickImage }: Props) {
  const linkDialog = useLinkDialog();
  // Ctrl+K / ⌘K opens the link dialog; the editor's key handler is set once, so it calls
  // through a ref.
  const openLink = useRef<() => void>(() => undefined);
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
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
          event.preventDefault();
          syncSelectionFromDom(_view);
          openLink.current();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });

  useEffect(() => {
    if (!editor) return;
    openLink.current = () => void editLink(editor, linkDialog.ask);
  }, [editor, linkDialog.ask]);

  return (
    <div>
      {linkDialog.dialog}
      {editor ? <Toolbar editor={editor} pickImage={pickImage} editLink={() => void editLink(editor, linkDialog.ask)} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
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

function Toolbar({ editor, pickImage, editLink: onLink }: { editor: Editor; pickImage: Props["pickImage"]; editLink: () => void }) {
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
    }),
  });
  const chain = () => editor.chain().focus();

  const insertImage = async () => {
    const image = await pickImage();
    if (!image) return void editor.commands.focus();
    chain().insertContent({ type: "image", attrs: image }).run();
    cursorAfterSelectedBlock(editor);
  };

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
      <Tool onClick={insertImage}>
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

function Tool({ pressed, onClick, shortcut, children }: { pressed?: boolean; onClick: () => void; shortcut?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-keyshortcuts={shortcut?.replace("Ctrl", "Control")}
      title={shortcut}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className="rounded border border-transparent px-2 py-1 text-sm hover:border-slate-400 aria-pressed:bg-brand-800 aria-pressed:text-white"
    >
      {children}
    </button>
  );
}
