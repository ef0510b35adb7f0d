import { splitAbbreviations } from "@/lib/abbreviations";

/** Text with its known abbreviations marked up as <abbr title="…">, rendered as React nodes. */
export function Abbreviated({ text }: { text: string }) {
  return (
    <>
      {splitAbbreviations(text).map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <abbr key={i} title={part.title}>
            {part.abbr}
          </abbr>
        ),
      )}
    </>
  );
}
