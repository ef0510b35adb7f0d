// Abbreviations that occur in the site's titles and leads, with what they stand for, so cards
// can mark them up for readers who do not know them (WCAG 3.1.4). Case matters: "GR" is an
// abbreviation, "gr" is not a word we write.
export const ABBREVIATIONS: Record<string, string> = {
  SKL: "Sveriges Kommuner och Landsting",
  SKR: "Sveriges Kommuner och Regioner",
  UVP: "Upplands Väsby Promotion",
  GR: "Göteborgsregionen",
  BRG: "Business Region Göteborg",
  KSO: "kommunstyrelsens ordförande",
  MYH: "Myndigheten för yrkeshögskolan",
};

export type TextPart = string | { abbr: string; title: string };

// A whole word only: letters or digits on either side (SKLX, 2SKL) make it another word;
// a colon ending as in "SKL:s" does not.
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(ABBREVIATIONS).join("|")})(?![\\p{L}\\p{N}])`, "gu");

/** The text split into plain runs and the abbreviations in it. */
export function splitAbbreviations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ abbr: m[0], title: ABBREVIATIONS[m[0]]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
