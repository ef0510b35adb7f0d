import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readWxr, WxrError } from "./wxr";

const fixture = (name: string) => createReadStream(`tests/fixtures/wordpress/${name}`);

describe("readWxr", () => {
  it("reads authors, terms and every post type of a WordPress 6 export", async () => {
    const wxr = await readWxr(fixture("lerum.xml"));
    expect(wxr.channel).toEqual({ title: "Företagande i Lerum", link: "https://foretag.lerum.example", baseUrl: "https://foretag.lerum.example" });
    expect(wxr.authors.map((a) => a.displayName)).toEqual(["Anna Lindqvist", "Erik Sjöberg"]);
    expect(wxr.terms).toContainEqual({ kind: "category", slug: "nyforetagande", name: "Nyföretagande", parent: "naringsliv" });
    expect(wxr.terms).toContainEqual({ kind: "tag", slug: "besoksnaring", name: "Besöksnäring", parent: null });
    expect(wxr.items.map((i) => `${i.type}:${i.id}:${i.status}`)).toEqual(["post:10:publish", "post:11:draft", "post:12:publish", "post:13:future", "post:14:trash", "page:20:publish", "page:21:publish", "attachment:30:inherit"]);
    expect(wxr.skipped).toEqual({ nav_menu_item: 1 });
  });

  it("keeps a post's fields, terms, meta and comments (pingbacks left out)", async () => {
    const post = (await readWxr(fixture("lerum.xml"))).items[0]!;
    expect(post).toMatchObject({ title: "Ny saluhall öppnar i Lerums centrum", slug: "ny-saluhall-oppnar", creator: "anna", guid: "https://foretag.lerum.example/?p=10", link: "https://foretag.lerum.example/2021/05/ny-saluhall-oppnar/" });
    expect(post.date?.toISOString()).toBe("2021-05-04T07:30:00.000Z");
    expect(post.content).toContain("<!-- wp:heading -->");
    expect(post.terms).toEqual([{ kind: "category", slug: "naringsliv", name: "Näringsliv" }, { kind: "tag", slug: "handel", name: "Handel" }]);
    expect(post.meta._thumbnail_id).toBe("30");
    expect(post.comments.map((c) => [c.id, c.state, c.parent])).toEqual([["101", "approved", null], ["102", "approved", "101"], ["103", "spam", null]]);
    expect(post.comments[0]!.date?.toISOString()).toBe("2021-05-05T06:15:00.000Z");
    expect(post.comments[0]!.content).toBe("Äntligen! Blir det öppet på söndagar?");
  });

  it("reads a local date as Swedish time when WordPress left the GMT date empty", async () => {
    const draft = (await readWxr(fixture("lerum.xml"))).items[1]!;
    expect(draft.date?.toISOString()).toBe("2022-01-10T12:00:00.000Z"); // 13:00 CET
    expect(draft.slug).toBe("");
    const summer = await readWxr(Readable.from([`<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_type>post</wp:post_type><wp:post_date>2022-07-01 13:00:00</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt></item></channel></rss>`]));
    expect(summer.items[0]!.date?.toISOString()).toBe("2022-07-01T11:00:00.000Z"); // 13:00 CEST
  });

  it("decodes a percent-encoded slug", async () => {
    const future = (await readWxr(fixture("lerum.xml"))).items[3]!;
    expect(future.slug).toBe("massa-gröna-foretag");
  });

  it("hands records on as they are read, in chunks of any size", async () => {
    const text = await new Response(Readable.toWeb(fixture("lerum.xml")) as ReadableStream).text();
    const chunks = text.match(/[\s\S]{1,7}/g)!;
    const wxr = await readWxr(Readable.from(chunks));
    expect(wxr.items).toHaveLength(8);
    expect(wxr.items[0]!.title).toBe("Ny saluhall öppnar i Lerums centrum");
  });

  it("refuses XML that is not well-formed, with the line, in Swedish", async () => {
    const err = await readWxr(fixture("not-well-formed.xml")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WxrError);
    expect((err as Error).message).toMatch(/^Filen går inte att läsa som XML \(rad 6\)/);
  });

  it("refuses files that are not WordPress exports", async () => {
    await expect(readWxr(Readable.from(["<html><body>Hej</body></html>"]))).rejects.toThrow("den börjar inte med <rss>");
    await expect(readWxr(Readable.from([`<rss version="2.0"><channel><title>Ett flöde</title></channel></rss>`]))).rejects.toThrow("wp:wxr_version saknas");
    await expect(readWxr(Readable.from([""]))).rejects.toThrow(WxrError);
  });
});
