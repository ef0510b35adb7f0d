import { mergeAttributes, Node } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { tableExtensions } from "./table-extensions";

// The editor's document schema is exactly what the public renderer knows
// (lib/rich-text/schema.ts): paragraphs, h2–h4, lists, links, quotes, bold and italic from
// StarterKit with everything else switched off, plus our own image, fact box and
// question/answer nodes and tables (table-extensions.ts).

export const ImageNode = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
      caption: { default: null },
      credit: { default: null },
      width: { default: null },
      height: { default: null },
      mediaId: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-type=image]" }];
  },
  renderHTML({ node }) {
    const { src, alt, width, height, caption, credit } = node.attrs as Record<string, string | number | null>;
    const text = [caption, credit ? `Foto: ${credit}` : null].filter(Boolean).join(" ");
    return ["figure", { "data-type": "image", class: "editor-figure" }, ["img", { src, alt, width, height }], ["figcaption", {}, text || `Alt-text: ${alt}`]];
  },
});

export const FactBoxNode = Node.create({
  name: "factBox",
  group: "block",
  content: "block*",
  defining: true,
  addAttributes() {
    return { title: { default: "Fakta", parseHTML: (el) => el.getAttribute("data-title") } };
  },
  parseHTML() {
    return [{ tag: "aside[data-type=fact-box]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["aside", mergeAttributes(HTMLAttributes, { "data-type": "fact-box", "data-title": node.attrs.title, class: "editor-fact-box" }), 0];
  },
});

export const QuestionAnswerNode = Node.create({
  name: "questionAnswer",
  group: "block",
  content: "question answer",
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: "div[data-type=question-answer]" }];
  },
  renderHTML() {
    return ["div", { "data-type": "question-answer", class: "editor-qa" }, 0];
  },
});

export const QuestionNode = Node.create({
  name: "question",
  content: "inline*",
  defining: true,
  addKeyboardShortcuts() {
    return {
      // Enter in a question goes on to its answer (a question is one line).
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== "question") return false;
        const answerStart = $from.after(); // right after the question: the answer begins
        return editor
          .chain()
          .command(({ tr }) => {
            tr.setSelection(TextSelection.near(tr.doc.resolve(answerStart + 1)));
            return true;
          })
          .scrollIntoView()
          .run();
      },
    };
  },
  parseHTML() {
    return [{ tag: "p[data-type=question]" }];
  },
  renderHTML() {
    return ["p", { "data-type": "question", class: "editor-question" }, 0];
  },
});

export const AnswerNode = Node.create({
  name: "answer",
  content: "block+",
  defining: true,
  addKeyboardShortcuts() {
    return {
      // Enter on an empty last paragraph of an answer leaves the question/answer block: the
      // empty paragraph goes (unless it is all the answer has) and a new one follows the block.
      Enter: ({ editor }) => {
        const { selection, schema } = editor.state;
        const { $from } = selection;
        if (!selection.empty || $from.parent.type.name !== "paragraph" || $from.parent.content.size > 0) return false;
        const answerDepth = $from.depth - 1;
        if (answerDepth < 2 || $from.node(answerDepth).type.name !== "answer") return false;
        const answer = $from.node(answerDepth);
        if ($from.index(answerDepth) !== answer.childCount - 1) return false;
        const afterBlock = $from.after(answerDepth - 1);
        const emptySize = $from.parent.nodeSize;
        const emptyStart = $from.before();
        return editor
          .chain()
          .command(({ tr }) => {
            tr.insert(afterBlock, schema.nodes.paragraph!.create());
            let cursor = afterBlock + 1;
            if (answer.childCount > 1) {
              tr.delete(emptyStart, emptyStart + emptySize);
              cursor -= emptySize;
            }
            tr.setSelection(TextSelection.create(tr.doc, cursor));
            return true;
          })
          .scrollIntoView()
          .run();
      },
    };
  },
  parseHTML() {
    return [{ tag: "div[data-type=answer]" }];
  },
  renderHTML() {
    return ["div", { "data-type": "answer", class: "editor-answer" }, 0];
  },
});

export const editorExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto", "tel"] },
  }),
  ImageNode,
  FactBoxNode,
  QuestionAnswerNode,
  QuestionNode,
  AnswerNode,
  ...tableExtensions,
];
