import { describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH, isSlug, slugify } from "./slug";

describe("slugify", () => {
  it("turns a Swedish title into a plain ASCII slug", () => {
    expect(slugify("Öckerö näringslivsråd för år 2024")).toBe("ockero-naringslivsrad-for-ar-2024");
    expect(slugify("Värdskap mot företag – en fråga för hela kommunen")).toBe("vardskap-mot-foretag-en-fraga-for-hela-kommunen");
  });

  it("removes diacritics letter by letter rather than the German way", () => {
    expect(slugify("Åre Älvsbyn Örebro")).toBe("are-alvsbyn-orebro");
    expect(slugify("Café Müller")).toBe("cafe-muller");
  });

  it("spells out Nordic letters that have no decomposition", () => {
    expect(slugify("Æblegård i Ørestad")).toBe("aeblegard-i-orestad");
    expect(slugify("Straße")).toBe("strasse");
  });

  it("collapses punctuation, dashes and quotes into single hyphens", () => {
    expect(slugify("”Vi vill växa” – säger VD:n!")).toBe("vi-vill-vaxa-sager-vd-n");
    expect(slugify("Företag & kommun: så samarbetar vi")).toBe("foretag-kommun-sa-samarbetar-vi");
    expect(slugify("a -- b __ c")).toBe("a-b-c");
  });

  it("never starts or ends with a hyphen", () => {
    expect(slugify("  «Nyhet»: ")).toBe("nyhet");
    expect(slugify("—Intervju—")).toBe("intervju");
  });

  it("cuts long titles at a word boundary within the maximum length", () => {
    const title = "Kommunen och näringslivet träffades för att diskutera hur det lokala företagsklimatet kan bli bättre";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe("kommunen-och-naringslivet-traffades-for-att-diskutera-hur-det-lokala");
    expect(isSlug(slug)).toBe(true);
  });

  it("honours a custom maximum length and keeps whole words", () => {
    expect(slugify("Lerum med i utvecklingsprogram", 12)).toBe("lerum-med-i");
    // Exactly at the limit: nothing is cut.
    expect(slugify("abc def", 7)).toBe("abc-def");
  });

  it("cuts hard inside a word when there is no reasonable word boundary", () => {
    const slug = slugify("a " + "x".repeat(200), 20);
    expect(slug).toBe("a-" + "x".repeat(18));
  });

  it("returns an empty string when nothing usable remains", () => {
    expect(slugify("!!! ––– ???")).toBe("");
  });
});

describe("isSlug", () => {
  it("accepts lowercase words joined by single hyphens", () => {
    expect(isSlug("ockero-naringslivsrad-2024")).toBe(true);
    expect(isSlug("a")).toBe(true);
  });

  it("rejects uppercase, diacritics, spaces and stray hyphens", () => {
    for (const bad of ["Ockero", "öckerö", "a b", "-a", "a-", "a--b", "a_b", "a/b", ""]) {
      expect(isSlug(bad), bad).toBe(false);
    }
  });

  it("rejects slugs longer than the maximum", () => {
    expect(isSlug("a".repeat(SLUG_MAX_LENGTH))).toBe(true);
    expect(isSlug("a".repeat(SLUG_MAX_LENGTH + 1))).toBe(false);
  });
});
