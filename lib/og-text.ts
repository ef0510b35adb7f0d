// Share images are set in the bundled Inter (assets/fonts, its "latin" subset) and nothing else:
// for a character the font lacks, next/og would fetch a font or an emoji image from a CDN, and a
// request to a third party is what this site promises never to make (for 𝒳😀 it even dropped the
// connection). So titles are reduced to what the font covers before they are drawn.

// Fontsource's "latin" subset of Inter: Basic Latin, Latin-1, and the punctuation Swedish text
// uses. Only characters found in the font (lib/og-text.test.ts renders each of them with the
// network refused): the subset lacks the soft hyphen (U+00AD) and ‰, so they are left out.
const COVERED = /[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u0131\u0152\u0153\u02C6\u02DA\u02DC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2022\u2026\u2039\u203A\u20AC\u2122\u2212]/u;

/** The text with every character the bundled font lacks replaced: by its base letter when it
 * has one (ł is not, ő is o), otherwise left out; runs of spaces collapse. */
export function ogSafeText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (COVERED.test(ch)) {
      out += ch;
      continue;
    }
    // "ő" → "o" + combining mark: keep the letter.
    const base = ch.normalize("NFD")[0];
    if (base && base !== ch && COVERED.test(base)) out += base;
    else if (/\s/u.test(ch)) out += " ";
  }
  return out.replace(/\s+/g, " ").trim();
}
