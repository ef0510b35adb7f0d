"use client";

import type { Command } from "@tiptap/pm/state";
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, toggleHeaderRow } from "@tiptap/pm/tables";
import { useEditorState, type Editor } from "@tiptap/react";
import { useId } from "react";
import { canAddColumn, canAddRow, setTableCaption, tableState } from "./table-extensions";
import { Tool } from "./tool-button";

// The second toolbar row: changing the table the cursor is in. Each button is enabled only
// where its command applies (a dry run of the same prosemirror-tables command), so the row
// costs keyboard users no Tab stops outside tables.

export function TableTools({ editor }: { editor: Editor }) {
  const id = useId();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const t = tableState(e.state);
      const can = (cmd: Command) => t.inTable && cmd(e.state);
      return {
        table: t,
        addRow: canAddRow(t) && can(addRowAfter),
        deleteRow: can(deleteRow),
        addColumn: canAddColumn(t) && can(addColumnAfter),
        deleteColumn: can(deleteColumn),
        deleteTable: can(deleteTable),
      };
    },
  });
  const run = (cmd: Command) => () => {
    editor.commands.focus();
    cmd(editor.state, editor.view.dispatch);
  };
  const t = state.table;
  const commands: [string, Command, boolean][] = [
    ["Lägg till rad", addRowAfter, state.addRow],
    ["Ta bort rad", deleteRow, state.deleteRow],
    ["Lägg till kolumn", addColumnAfter, state.addColumn],
    ["Ta bort kolumn", deleteColumn, state.deleteColumn],
  ];
  return (
    <div role="group" aria-label="Tabell" className="flex flex-wrap items-center gap-1 border border-b-0 border-t-0 border-slate-500 bg-slate-100 px-1 pb-1">
      {commands.map(([label, cmd, enabled]) => (
        <Tool key={label} disabled={!enabled} onClick={run(cmd)}>
          {label}
        </Tool>
      ))}
      <Tool disabled={!t.inTable} pressed={t.inTable ? t.headerRow : false} onClick={run(toggleHeaderRow)}>
        Rubrikrad
      </Tool>
      <Tool disabled={!state.deleteTable} onClick={run(deleteTable)}>
        Ta bort tabell
      </Tool>
      <label htmlFor={`${id}-rubrik`} className="ml-2 text-sm font-semibold">
        Tabellrubrik
      </label>
      <input
        id={`${id}-rubrik`}
        type="text"
        disabled={!t.inTable}
        value={t.inTable ? t.caption : ""}
        maxLength={300}
        onChange={(e) => setTableCaption(editor.state, editor.view.dispatch, e.target.value)}
        className="min-w-40 flex-1 rounded border border-slate-500 bg-white px-2 py-0.5 text-sm disabled:border-slate-300 disabled:bg-slate-100"
      />
    </div>
  );
}
