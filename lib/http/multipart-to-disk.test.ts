import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HEAD_BYTES, readMultipartToDisk } from "./multipart-to-disk";

// The import form's upload, read as a stream: fields in memory, files on disk, a ceiling per file.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "multipart-test-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const post = (form: FormData) => new Request("http://127.0.0.1/admin/import/ladda-upp", { method: "POST", body: form });

describe("readMultipartToDisk", () => {
  it("keeps the fields and writes each named file to the folder with its first bytes in memory", async () => {
    const xml = `<?xml version="1.0"?>\n<rss version="2.0">${"å".repeat(5000)}</rss>`;
    const form = new FormData();
    form.set("organisationId", "lerum");
    form.set("lage", "import");
    form.set("wxr", new File([xml], "Företaget.XML", { type: "text/xml" }));
    form.set("annat", new File(["x"], "annat.txt"));
    const result = await readMultipartToDisk(post(form), dir, { maxFileBytes: 1024 * 1024, files: ["wxr", "media"] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toEqual({ organisationId: "lerum", lage: "import" });
    expect(Object.keys(result.files)).toEqual(["wxr"]);
    const wxr = result.files.wxr!;
    expect(wxr).toMatchObject({ name: "Företaget.XML", path: path.join(dir, "wxr.xml"), bytes: Buffer.byteLength(xml) });
    expect(wxr.head).toHaveLength(HEAD_BYTES);
    expect(await readFile(wxr.path, "utf8")).toBe(xml);
    // A file field the caller did not ask for is read past, never written.
    expect(await readdir(dir)).toEqual(["wxr.xml"]);
  });

  it("stops at a file over the ceiling and says which, keeping the fields read before it", async () => {
    const form = new FormData();
    form.set("organisationId", "lerum");
    form.set("wxr", new File([Buffer.alloc(200_000, 97)], "stor.xml"));
    const result = await readMultipartToDisk(post(form), dir, { maxFileBytes: 50_000, files: ["wxr"] });
    expect(result).toMatchObject({ ok: false, reason: "too-large", field: "wxr", fields: { organisationId: "lerum" } });
    // Only the part under the ceiling reached the disk.
    expect((await readFile(path.join(dir, "wxr.xml"))).length).toBe(50_000);
  });

  it("drops a body over its own ceiling half-way, whatever it holds", async () => {
    const form = new FormData();
    form.set("wxr", new File([Buffer.alloc(300_000, 97)], "stor.xml"));
    const result = await readMultipartToDisk(post(form), dir, { maxFileBytes: 1_000_000, maxBodyBytes: 100_000, files: ["wxr"] });
    expect(result).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("calls a body that is not multipart unreadable", async () => {
    const request = new Request("http://127.0.0.1/x", { method: "POST", body: "wxr=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    const result = await readMultipartToDisk(request, dir, { maxFileBytes: 1000, files: ["wxr"] });
    expect(result.ok).toBe(true);
    const broken = new Request("http://127.0.0.1/x", { method: "POST", body: "--nope\r\nrubbish", headers: { "content-type": "multipart/form-data; boundary=nope" } });
    expect(await readMultipartToDisk(broken, dir, { maxFileBytes: 1000, files: ["wxr"] })).toMatchObject({ ok: false, reason: "unreadable" });
    expect(await readMultipartToDisk(new Request("http://127.0.0.1/x", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }), dir, { maxFileBytes: 1000, files: ["wxr"] })).toMatchObject({ ok: false, reason: "unreadable" });
  });
});
