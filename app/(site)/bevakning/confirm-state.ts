/** What the confirm button's action answers: the list on success, nothing more on a used or expired link. */
export type ConfirmState = { done?: { ok: true; list: string } | { ok: false } };
