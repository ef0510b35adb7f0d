import type { Role } from "./roles";

// Who may do what in the newsroom. Pure functions: the server decides with these for the
// very record an action touches, and pages use them to hide controls a user cannot use.

export type Actor = { id: string; email: string; name: string; role: Role; organisationIds: readonly string[] };

/** What permission checks need to know about a story, loaded from the database, never from the client. */
export type StoryAccess = { createdById: string | null; status: string; organisationIds: readonly string[] };

export type Permission =
  | "story.create"
  | "story.view"
  | "story.edit"
  | "story.submit"
  | "story.publish" // publish, schedule, unpublish, archive, approve
  | "story.delete"
  | "taxonomy.manage" // topics and series, shared by all organisations
  | "person.manage"
  | "network.manage"
  | "media.upload"
  | "media.edit"
  | "media.delete"
  | "user.manage"
  | "organisation.manage"
  | "settings.manage"
  | "audit.view"
  | "comment.moderate" // approve, reject, mark as spam, reply, delete, close commenting on a story
  | "personaldata.manage" // find, export and erase one reader's data on request
  | "alerts.manage" // see the e-mail alert lists and their subscribers' addresses
  | "wordpress.import" // import a WordPress export into an organisation
  | "site.export"; // take the site's or an organisation's content away (JSON or WXR)

/** The record a permission is checked against, where one is involved. */
export type Subject =
  | { story: StoryAccess }
  | { organisationId: string | null } // a person
  | { organisationIds: readonly string[] } // a network: owner and members
  | { uploadedById: string | null } // a media item
  | undefined;

const ADMIN_ONLY: ReadonlySet<Permission> = new Set([
  "user.manage",
  "organisation.manage",
  "settings.manage",
  "audit.view",
  "personaldata.manage",
  "alerts.manage",
  "wordpress.import",
  "site.export",
]);

export function sharesOrganisation(actor: Actor, organisationIds: readonly string[]): boolean {
  return organisationIds.some((id) => actor.organisationIds.includes(id));
}

/**
 * Which stories an actor may see in the newsroom: administrators all; editors those they made
 * and those concerning one of their organisations; writers those they made. The one rule behind
 * `can(actor, "story.view", …)` and the newsroom lists' filter (`visibleStoriesWhere` in
 * lib/db/admin-stories.ts), which both read it from here.
 */
export type StoryViewScope = { all: true } | { all: false; createdById: string; organisationIds: readonly string[] };

export function storyViewScope(actor: Actor): StoryViewScope {
  if (actor.role === "ADMIN") return { all: true };
  return { all: false, createdById: actor.id, organisationIds: actor.role === "EDITOR" ? actor.organisationIds : [] };
}

export function inStoryViewScope(scope: StoryViewScope, story: StoryAccess): boolean {
  return scope.all || story.createdById === scope.createdById || story.organisationIds.some((id) => scope.organisationIds.includes(id));
}

/** What the editor may offer on one story: each answered by `can`, the same rule the commands enforce. */
export type StoryCapabilities = { edit: boolean; submit: boolean; publish: boolean; delete: boolean };

export function storyCapabilities(actor: Actor, story: StoryAccess): StoryCapabilities {
  return {
    edit: can(actor, "story.edit", { story }),
    submit: can(actor, "story.submit", { story }),
    publish: can(actor, "story.publish", { story }),
    delete: can(actor, "story.delete", { story }),
  };
}

export function can(actor: Actor, permission: Permission, subject?: Subject): boolean {
  if (actor.role === "ADMIN") return true;
  if (ADMIN_ONLY.has(permission)) return false;
  const editor = actor.role === "EDITOR";
  switch (permission) {
    case "story.create":
    case "media.upload":
      return true;
    case "taxonomy.manage":
      return editor;
    case "story.view":
      return !!subject && "story" in subject && inStoryViewScope(storyViewScope(actor), subject.story);
    case "story.edit":
    case "story.submit":
    case "story.delete":
    case "story.publish": {
      const story = subject && "story" in subject ? subject.story : undefined;
      if (!story) return false;
      const own = story.createdById === actor.id;
      // Editors: whatever they may see; publishing only what concerns one of their organisations.
      if (editor) return permission === "story.publish" ? sharesOrganisation(actor, story.organisationIds) : can(actor, "story.view", { story });
      // Writers: their own stories; editing, submitting and deleting only while still a draft.
      if (permission === "story.publish") return false;
      return own && story.status === "DRAFT";
    }
    // Comments: the editors of one of the story's organisations, as for publishing it.
    case "comment.moderate":
      return editor && !!subject && "story" in subject && sharesOrganisation(actor, subject.story.organisationIds);
    case "person.manage": {
      if (!editor || !subject || !("organisationId" in subject)) return false;
      return subject.organisationId === null || actor.organisationIds.includes(subject.organisationId);
    }
    case "network.manage":
      return editor && !!subject && "organisationIds" in subject && sharesOrganisation(actor, subject.organisationIds);
    case "media.edit":
    case "media.delete":
      if (editor) return true;
      return !!subject && "uploadedById" in subject && subject.uploadedById === actor.id;
    default:
      return false;
  }
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Forbidden: ${permission}`);
  }
}

export function assertCan(actor: Actor, permission: Permission, subject?: Subject): void {
  if (!can(actor, permission, subject)) throw new ForbiddenError(permission);
}
