import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import {
  createStaffUser,
  deleteUser,
  ensureDemoAccounts,
  getNewsroomSummary,
  getUserDetail,
  LAST_ADMIN_MESSAGE,
  listUsers,
  organisationIdsOf,
  updateUserAccess,
  UserError,
} from "@/lib/db/users";
import { createActor, createOrganisation, createStory } from "../factories";

describe("staff accounts", () => {
  it("stores an argon2id hash in a credential account, with the role and organisations", async () => {
    const lerum = await createOrganisation(db(), { slug: "lerum" });
    const { id } = await createStaffUser(db(), { email: "Asa@Lerum.se ", name: "Åsa", role: "EDITOR", password: "ett-langt-losenord", organisationSlugs: ["lerum"] });
    const user = await db().user.findUniqueOrThrow({ where: { id }, include: { accounts: true } });
    expect(user).toMatchObject({ email: "asa@lerum.se", role: "EDITOR", emailVerified: true });
    expect(user.accounts).toHaveLength(1);
    expect(user.accounts[0]).toMatchObject({ providerId: "credential", accountId: id });
    expect(user.accounts[0]!.password).toMatch(/^\$argon2id\$v=19\$/);
    expect(await verify(user.accounts[0]!.password!, "ett-langt-losenord")).toBe(true);
    expect(await verify(user.accounts[0]!.password!, "fel-losenord")).toBe(false);
    expect(await organisationIdsOf(db(), id)).toEqual([lerum.id]);
  });

  it("refuses a second account for the same address and unknown organisations", async () => {
    await expect(createStaffUser(db(), { email: "asa@lerum.se", name: "Igen", role: "WRITER", password: "ett-langt-losenord" })).rejects.toBeInstanceOf(UserError);
    await expect(createStaffUser(db(), { email: "ny@x.se", name: "Ny", role: "WRITER", password: "ett-langt-losenord", organisationSlugs: ["finns-inte"] })).rejects.toThrow(/Unknown organisation: finns-inte/);
  });

  it("creates each demo account once", async () => {
    await ensureDemoAccounts(db());
    await ensureDemoAccounts(db());
    expect(await db().user.count({ where: { email: { endsWith: "@naringslivsnytt.local" } } })).toBe(3);
  });

  it("summarises only the stories of the user's organisations", async () => {
    const tjorn = await createOrganisation(db(), { slug: "tjorn" });
    const lerum = await db().organisation.findUniqueOrThrow({ where: { slug: "lerum" } });
    await createStory(db(), { slug: "om-lerum", organisationIds: [lerum.id] });
    await createStory(db(), { slug: "om-tjorn", status: "DRAFT", publishedAt: null, organisationIds: [tjorn.id] });
    const lerumOnly = await getNewsroomSummary(db(), [lerum.id]);
    expect(lerumOnly.latest.map((s) => s.slug)).toEqual(["om-lerum"]);
    const all = await getNewsroomSummary(db(), "all");
    expect(all.storiesByStatus).toEqual({ PUBLISHED: 1, DRAFT: 1 });
  });
});

describe("user management", () => {
  it("lists users with search, role and organisation filters, pages of a given size, and pending invites", async () => {
    const stenungsund = await createOrganisation(db(), { slug: "stenungsund", name: "Stenungsunds kommun" });
    await createStaffUser(db(), { email: "inbjuden@stenungsund.se", name: "Ida Inbjuden", role: "WRITER", organisationSlugs: ["stenungsund"] });
    const all = await listUsers(db(), { page: 1, pageSize: 100 });
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.find((u) => u.email === "inbjuden@stenungsund.se")).toMatchObject({ invitePending: true, twoFactorEnabled: false, organisations: ["Stenungsunds kommun"] });
    expect(all.rows.find((u) => u.email === "asa@lerum.se")).toMatchObject({ invitePending: false, role: "EDITOR" });

    expect((await listUsers(db(), { q: "IDA", page: 1, pageSize: 25 })).rows.map((u) => u.email)).toEqual(["inbjuden@stenungsund.se"]);
    expect((await listUsers(db(), { q: "@lerum.se", role: "EDITOR", page: 1, pageSize: 25 })).rows.map((u) => u.email)).toEqual(["asa@lerum.se"]);
    expect((await listUsers(db(), { organisationId: stenungsund.id, page: 1, pageSize: 25 })).rows.map((u) => u.email)).toEqual(["inbjuden@stenungsund.se"]);
    const page2 = await listUsers(db(), { page: 2, pageSize: 2 });
    expect(page2.rows).toHaveLength(Math.min(2, all.total - 2));
    expect(page2.rows[0]!.id).toBe(all.rows[2]!.id);
  });

  it("changes role and organisations, audits the role change old → new, and refuses non-administrators", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    const lerum = await db().organisation.findUniqueOrThrow({ where: { slug: "lerum" } });
    const stenungsund = await db().organisation.findUniqueOrThrow({ where: { slug: "stenungsund" } });
    const { id } = await createStaffUser(db(), { email: "flytt@lerum.se", name: "Flytt", role: "EDITOR", password: "ett-langt-losenord", organisationSlugs: ["lerum"] });

    const result = await updateUserAccess(db(), admin, { userId: id, role: "WRITER", organisationIds: [stenungsund.id] });
    expect(result).toMatchObject({ ok: true, message: "Ändringarna är sparade." });
    expect(await getUserDetail(db(), id)).toMatchObject({ role: "WRITER", organisationIds: [stenungsund.id] });
    const roleAudit = await db().auditLog.findFirstOrThrow({ where: { action: "user.role", entityId: id } });
    expect(roleAudit.summary).toBe("Roll för flytt@lerum.se ändrad från Redaktör till Skribent");
    expect(roleAudit.actorId).toBe(admin.id);

    expect(await updateUserAccess(db(), admin, { userId: id, role: "CHEF", organisationIds: [] })).toMatchObject({ ok: false, fieldErrors: { role: "Välj en roll." } });
    expect(await updateUserAccess(db(), admin, { userId: id, role: "WRITER", organisationIds: ["00000000-0000-4000-8000-000000000000"] })).toMatchObject({
      ok: false,
      fieldErrors: { organisationIds: "Okänd organisation." },
    });
    expect(await updateUserAccess(db(), admin, { userId: "finns-inte", role: "WRITER" })).toMatchObject({ ok: false, error: "Användaren finns inte." });
    const editor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
    await expect(updateUserAccess(db(), editor, { userId: id, role: "ADMIN", organisationIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getUserDetail(db(), id))!.role).toBe("WRITER");
  });

  it("never demotes or deletes the last administrator, even when two administrators act at once", async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const a = await createActor(db(), { role: "ADMIN", email: "a@admin.se" });
    const b = await createActor(db(), { role: "ADMIN", email: "b@admin.se" });

    const demotions = await Promise.all([
      updateUserAccess(db(), a, { userId: b.id, role: "EDITOR", organisationIds: [] }),
      updateUserAccess(db(), b, { userId: a.id, role: "EDITOR", organisationIds: [] }),
    ]);
    expect(demotions.filter((r) => r.ok)).toHaveLength(1);
    expect(demotions.find((r) => !r.ok)).toMatchObject({ fieldErrors: { role: LAST_ADMIN_MESSAGE } });
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);

    const [remaining] = await db().user.findMany({ where: { role: "ADMIN" } });
    const self = remaining!.id === a.id ? a : b;
    expect(await updateUserAccess(db(), self, { userId: self.id, role: "WRITER", organisationIds: [] })).toMatchObject({ ok: false, fieldErrors: { role: LAST_ADMIN_MESSAGE } });

    // Two administrators deleting each other at the same moment: one of them stays.
    const c = await createActor(db(), { role: "ADMIN", email: "c@admin.se" });
    await db().user.update({ where: { id: self.id }, data: { role: "EDITOR" } });
    const d = await createActor(db(), { role: "ADMIN", email: "d@admin.se" });
    const deletions = await Promise.all([deleteUser(db(), c, { userId: d.id, confirm: "ja" }), deleteUser(db(), d, { userId: c.id, confirm: "ja" })]);
    expect(deletions.filter((r) => r.ok)).toHaveLength(1);
    expect(deletions.find((r) => !r.ok)).toMatchObject({ error: LAST_ADMIN_MESSAGE });
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("deletes an account after confirmation, with its sessions, and audits it", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    const { id } = await createStaffUser(db(), { email: "slutar@lerum.se", name: "Slutar", role: "WRITER", password: "ett-langt-losenord" });
    await db().session.create({ data: { id: "slutar-session", token: "slutar-token", userId: id, expiresAt: new Date(Date.now() + 60_000) } });
    const story = await createStory(db(), { slug: "skriven-av-slutar" });
    await db().story.update({ where: { id: story.id }, data: { createdById: id } });

    expect(await deleteUser(db(), admin, { userId: id })).toMatchObject({ ok: false, fieldErrors: { confirm: "Bekräfta att kontot ska tas bort." } });
    expect(await deleteUser(db(), admin, { userId: admin.id, confirm: "ja" })).toMatchObject({ ok: false, error: "Du kan inte ta bort ditt eget konto." });
    const writer = await createActor(db(), { role: "WRITER" });
    await expect(deleteUser(db(), writer, { userId: id, confirm: "ja" })).rejects.toBeInstanceOf(ForbiddenError);

    expect(await deleteUser(db(), admin, { userId: id, confirm: "ja" })).toMatchObject({ ok: true });
    expect(await getUserDetail(db(), id)).toBeNull();
    expect(await db().session.count({ where: { userId: id } })).toBe(0);
    expect((await db().story.findUniqueOrThrow({ where: { id: story.id } })).createdById).toBeNull();
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "user.delete", entityId: id } })).toMatchObject({ actorId: admin.id, summary: "Kontot slutar@lerum.se (Skribent) togs bort" });
  });
});
