import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createStaffUser, ensureDemoAccounts, getNewsroomSummary, organisationIdsOf, UserError } from "@/lib/db/users";
import { createOrganisation, createStory } from "../factories";

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
