// Slugs for Swedish titles: "Öckerö näringslivsråd för år 2024" → "ockero-naringslivsrad-for-ar-2024".
// Diacritics are removed letter by letter (å/ä→a, ö→o, é→e, ü→u) rather than transliterated
// the German way, which is what Swedish municipal sites do in their own URLs.
const SPECIAL: Record<string, string> = { æ: "ae", ø: "o", ß: "ss", œ: "oe", ð: "d", þ: "th", ł: "l", đ: "d" };

export const SLUG_MAX_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(input: string, maxLength = SLUG_MAX_LENGTH): string {
  const ascii = input
    .toLowerCase()
    .replace(/[æøßœðþłđ]/g, (c) => SPECIAL[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}
