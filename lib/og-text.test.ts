import { readFile } from "node:fs/promises";
import path from "node:path";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ogSafeText } from "./og-text";

// next/og draws with the bundled Inter only when every character is in it; for any other it
// fetches a font or an emoji from a CDN. The test renders real share images with fetch replaced
// by a recorder: the site's promise is that nothing is ever fetched.

const fonts = async () => {
  const read = (f: string) => readFile(path.join(process.cwd(), "assets/fonts", f));
  const [regular, bold] = await Promise.all([read("inter-latin-400-normal.woff"), read("inter-latin-700-normal.woff")]);
  return [
    { name: "Inter", data: regular, weight: 400 as const, style: "normal" as const },
    { name: "Inter", data: bold, weight: 700 as const, style: "normal" as const },
  ];
};

async function render(text: string): Promise<{ fetched: string[]; bytes: number }> {
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  // next/og loads its own wasm through fetch of a data: URL; anything on the network is recorded and refused.
  vi.stubGlobal("fetch", async (url: unknown, init?: RequestInit) => {
    const href = url instanceof Request ? url.url : String(url);
    if (href.startsWith("data:") || href.startsWith("file:")) return realFetch(href, init);
    fetched.push(href);
    throw new Error("no network for share images");
  });
  const { ImageResponse } = await import("next/og");
  const element = createElement("div", { style: { display: "flex", width: "100%", height: "100%", fontFamily: "Inter", fontSize: 48, fontWeight: 700 } }, text);
  const res = new ImageResponse(element, { width: 1200, height: 630, fonts: await fonts() });
  // Without network a missing glyph fails the render (or, in the server, drops the connection).
  const bytes = await res.arrayBuffer().then((b) => b.byteLength, () => 0);
  return { fetched, bytes };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("share image text", () => {
  it("keeps Swedish and the punctuation news titles use, and drops what the font lacks", () => {
    expect(ogSafeText("Företagsklimatet i Åre – ”bäst” på 10 år…")).toBe("Företagsklimatet i Åre – ”bäst” på 10 år…");
    expect(ogSafeText("𝒳😀 Ny fabrik 🏭 i Lerum")).toBe("Ny fabrik i Lerum");
    expect(ogSafeText("Samarbete med Győr och Łódź")).toBe("Samarbete med Gyor och ódz");
    expect(ogSafeText("Café € 1 000 · ™")).toBe("Café € 1 000 · ™");
  });

  it("is drawn without fetching anything, whatever the title held", async () => {
    const hostile = ogSafeText("𝒳😀 Ny fabrik 🏭 i Lerum – 中文 עברית Ελληνικά Кириллица ♥ ✓ ★ → ½ ①");
    const everyKept = ogSafeText(Array.from({ length: 0x2200 }, (_, i) => String.fromCodePoint(i + 0x20)).join(""));
    for (const text of [hostile, everyKept]) {
      const { fetched, bytes } = await render(text);
      expect(fetched, text.slice(0, 40)).toEqual([]);
      expect(bytes).toBeGreaterThan(1000);
    }
  }, 60_000);

  it("would fetch without it (the test can fail)", async () => {
    const { fetched } = await render("Ny fabrik 😀");
    expect(fetched.length).toBeGreaterThan(0);
  }, 60_000);
});
