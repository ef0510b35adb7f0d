"use client";

// The editor's copy of unsaved work in this browser (localStorage), per user and story, so a
// crash, a reload, a closed tab or a sign-out loses nothing: the editor offers it back the next
// time the story is opened. It is removed once the server has everything it held.

const PREFIX = "naringslivsnytt:utkast:";

export type LocalCopy<T> = { savedAt: number; baseVersion: number; value: T };

export function localCopyKey(userId: string, storyId: string | null): string {
  return `${PREFIX}${userId}:${storyId ?? "ny"}`;
}

export function readLocalCopy<T>(key: string): LocalCopy<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy<T>;
    return typeof copy?.savedAt === "number" && copy.value ? copy : null;
  } catch {
    return null; // storage off (private mode, a policy) or a damaged entry: nothing to offer
  }
}

export function writeLocalCopy<T>(key: string, copy: LocalCopy<T>): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Full or off: the server copy (autosave) is still there.
  }
}

export function removeLocalCopy(...keys: string[]): void {
  try {
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

