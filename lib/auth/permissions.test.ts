import { describe, expect, it } from "vitest";
import { can, type Actor } from "./permissions";

const LERUM = "org-lerum";
const STENUNGSUND = "org-stenungsund";
const actor = (role: Actor["role"], organisationIds: string[] = [LERUM], id = `${role}-1`): Actor => ({ id, email: `${id}@x.se`, name: id, role, organisationIds });
const story = (over: Partial<{ createdById: string | null; status: string; organisationIds: string[] }> = {}) => ({
  story: { createdById: "WRITER-1", status: "DRAFT", organisationIds: [LERUM], ...over },
});

describe("can", () => {
  it("lets a writer edit and submit only their own drafts, and never publish", () => {
    const writer = actor("WRITER");
    expect(can(writer, "story.edit", story())).toBe(true);
    expect(can(writer, "story.submit", story())).toBe(true);
    expect(can(writer, "story.edit", story({ status: "IN_REVIEW" }))).toBe(false);
    expect(can(writer, "story.edit", story({ createdById: "someone-else" }))).toBe(false);
    expect(can(writer, "story.view", story({ createdById: "someone-else" }))).toBe(false);
    expect(can(writer, "story.publish", story())).toBe(false);
  });

  it("lets an editor publish only stories concerning one of their organisations", () => {
    const editor = actor("EDITOR");
    expect(can(editor, "story.publish", story())).toBe(true);
    expect(can(editor, "story.publish", story({ organisationIds: [STENUNGSUND] }))).toBe(false);
    expect(can(editor, "story.publish", story({ organisationIds: [STENUNGSUND, LERUM] }))).toBe(true);
    // Their own story they may edit, but publishing follows the organisations.
    expect(can(editor, "story.edit", story({ createdById: "EDITOR-1", organisationIds: [STENUNGSUND] }))).toBe(true);
    expect(can(editor, "story.publish", story({ createdById: "EDITOR-1", organisationIds: [STENUNGSUND] }))).toBe(false);
  });

  it("scopes people and networks to the editor's organisations and keeps administration to admins", () => {
    const editor = actor("EDITOR");
    expect(can(editor, "person.manage", { organisationId: LERUM })).toBe(true);
    expect(can(editor, "person.manage", { organisationId: null })).toBe(true);
    expect(can(editor, "person.manage", { organisationId: STENUNGSUND })).toBe(false);
    expect(can(editor, "network.manage", { organisationIds: [STENUNGSUND] })).toBe(false);
    expect(can(editor, "taxonomy.manage")).toBe(true);
    for (const p of ["user.manage", "organisation.manage", "settings.manage", "audit.view", "personaldata.manage", "wordpress.import", "site.export"] as const) {
      expect(can(editor, p)).toBe(false);
      expect(can(actor("ADMIN", []), p)).toBe(true);
    }
  });

  it("lets anyone upload, but only the uploader or an editor change an image", () => {
    const writer = actor("WRITER");
    expect(can(writer, "media.upload")).toBe(true);
    expect(can(writer, "media.delete", { uploadedById: "WRITER-1" })).toBe(true);
    expect(can(writer, "media.delete", { uploadedById: "other" })).toBe(false);
    expect(can(actor("EDITOR"), "media.delete", { uploadedById: "other" })).toBe(true);
  });

  it("lets only the editors of one of a story's organisations (and administrators) moderate its comments", () => {
    expect(can(actor("EDITOR"), "comment.moderate", story({ organisationIds: [LERUM] }))).toBe(true);
    expect(can(actor("EDITOR"), "comment.moderate", story({ organisationIds: [STENUNGSUND, LERUM] }))).toBe(true);
    expect(can(actor("EDITOR"), "comment.moderate", story({ organisationIds: [STENUNGSUND], createdById: "EDITOR-1" }))).toBe(false);
    expect(can(actor("EDITOR"), "comment.moderate")).toBe(false);
    expect(can(actor("WRITER"), "comment.moderate", story())).toBe(false);
    expect(can(actor("ADMIN", []), "comment.moderate", story({ organisationIds: [STENUNGSUND] }))).toBe(true);
  });
});
