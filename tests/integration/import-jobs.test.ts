import { copyFile, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getImportJob, removeFolder, STALE_AFTER_MS, startWordpressImport } from "@/lib/db/import-jobs";
import { createActor, createOrganisation } from "../factories";

// The newsroom's import jobs (/admin/import) against real PostgreSQL: the job row's progress and
// report, its failure messages, and the uploaded files removed when it is over.

let admin: Actor;
let lerum: { id: string; slug: string };

beforeAll(async () => {
  lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  admin = await createActor(db(), { role: "ADMIN" });
});

/** An upload as the route leaves it: the file in its own temporary folder. */
async function uploaded(from: string | { text: string }) {
  const dir = await mkdtemp(path.join(tmpdir(), "import-job-test-"));
  const wxrPath = path.join(dir, "wxr.xml");
  if (typeof from === "string") await copyFile(from, wxrPath);
  else await writeFile(wxrPath, from.text);
  return { dir, files: { wxrPath, wxrName: "lerum.xml", mediaPath: null, cleanup: removeFolder(dir) } };
}

const gone = async (dir: string) => (await readdir(dir).then(() => false, () => true));

describe("import jobs", () => {
  it("a dry run's job ends done with the report's lines and saves no story", async () => {
    const { dir, files } = await uploaded("tests/fixtures/wordpress/lerum.xml");
    const started = await startWordpressImport(db(), admin, { organisationId: lerum.id, dryRun: true }, files);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const running = await getImportJob(db(), admin, started.value.jobId);
    expect(running).toMatchObject({ status: "running", dryRun: true, fileName: "lerum.xml", organisationId: lerum.id, lines: [] });
    expect(await started.value.run()).toEqual([]);
    const job = await getImportJob(db(), admin, started.value.jobId);
    expect(job).toMatchObject({ status: "done", error: null });
    expect(job!.total).toBe(job!.done);
    expect(job!.total).toBeGreaterThan(0);
    expect(job!.lines[0]).toBe("Provkörning (inget sparades): Företagande i Lerum.");
    expect(job!.lines).toContain("Kommentarer: 5 hittades; 2 publicerade, 1 till granskning; hoppade över 1 skräppost, 1 i papperskorgen.");
    expect(await db().story.count()).toBe(0);
    expect(await gone(dir)).toBe(true);
  });

  it("a real import's job returns the cache tags to invalidate and is audited", async () => {
    const { files } = await uploaded("tests/fixtures/wordpress/lerum.xml");
    const started = await startWordpressImport(db(), admin, { organisationId: lerum.id, dryRun: false }, files, { ip: "192.0.2.9" });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const tags = await started.value.run();
    expect(tags).toEqual(expect.arrayContaining(["stories", "story:ny-saluhall-oppnar", "org:lerum"]));
    expect((await getImportJob(db(), admin, started.value.jobId))!.lines[0]).toBe("Importen är klar: Företagande i Lerum.");
    expect(await db().story.count()).toBe(4);
    const log = await db().auditLog.findFirstOrThrow({ where: { action: "wordpress.import", actorId: admin.id } });
    expect(log).toMatchObject({ entityId: lerum.id, ip: "192.0.2.9" });
  });

  it("a file that is not a WordPress export fails the job with the parser's Swedish message", async () => {
    const { dir, files } = await uploaded({ text: `<?xml version="1.0"?><rss version="2.0"><channel><title>Bara ett flöde</title></channel></rss>` });
    const started = await startWordpressImport(db(), admin, { organisationId: lerum.id, dryRun: false }, files);
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(await started.value.run()).toEqual([]);
    expect(await getImportJob(db(), admin, started.value.jobId)).toMatchObject({ status: "failed", error: "Filen är ett RSS-flöde men inte en WordPress-export (WXR): wp:wxr_version saknas.", lines: [] });
    expect(await gone(dir)).toBe(true);
  });

  it("refuses a missing organisation with a Swedish message, starting nothing", async () => {
    const { files } = await uploaded("tests/fixtures/wordpress/lerum.xml");
    const before = await db().importJob.count();
    expect(await startWordpressImport(db(), admin, { organisationId: "", dryRun: true }, files)).toMatchObject({ ok: false, fieldErrors: { organisationId: "Välj vilken organisation innehållet ska höra till." } });
    expect(await startWordpressImport(db(), admin, { organisationId: "00000000-0000-0000-0000-000000000000", dryRun: true }, files)).toMatchObject({ ok: false, error: "Organisationen finns inte längre. Välj en annan." });
    expect(await db().importJob.count()).toBe(before);
  });

  it("a running job whose heartbeat stopped is shown as interrupted; an unknown or malformed id is not found", async () => {
    const id = "5b0c9c1e-6f51-4a57-9d8e-2b8f7e0c1a11";
    await db().importJob.create({ data: { id, organisationId: lerum.id, actorId: admin.id, fileName: "stor.xml", dryRun: false, status: "running", heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1000) } });
    expect(await getImportJob(db(), admin, id)).toMatchObject({ status: "interrupted", error: expect.stringMatching(/^Importen avbröts/) });
    expect(await getImportJob(db(), admin, "5b0c9c1e-6f51-4a57-9d8e-2b8f7e0c1a12")).toBeNull();
    expect(await getImportJob(db(), admin, "inte-ett-id")).toBeNull();
  });

  it("is for administrators only, for starting and for reading", async () => {
    const editor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
    const { files } = await uploaded("tests/fixtures/wordpress/lerum.xml");
    await expect(startWordpressImport(db(), editor, { organisationId: lerum.id, dryRun: true }, files)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getImportJob(db(), editor, "5b0c9c1e-6f51-4a57-9d8e-2b8f7e0c1a11")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
