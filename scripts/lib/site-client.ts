// A staff member's browser, reduced to what the fault and soak scripts need: sign in through
// better-auth's endpoint and call a server action the way React does (a POST to a page that
// uses it, with the action's id from the build's manifest and the arguments as JSON).
import { readFileSync } from "node:fs";
import path from "node:path";

/** The id Next gave an exported server action in the current build. */
export function actionId(exportedName: string, filename: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && v.filename === filename);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in the build`);
  return found[0];
}

/** Signs in with e-mail and password; the session cookie for later requests. */
export async function signIn(siteUrl: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${siteUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: siteUrl },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!res.ok || !cookies.some((c) => c?.includes("session_token"))) throw new Error(`sign-in as ${account.email} answered ${res.status}`);
  return cookies.join("; ");
}

export type ActionAnswer = { status: number; value: unknown };

/**
 * Calls a server action with plain JSON arguments, as the browser's React does, and decodes
 * the value it returns from the flight answer (the row that is not Next's own envelope).
 */
export async function callAction(siteUrl: string, call: { page: string; id: string; args: unknown[]; cookie: string; signal?: AbortSignal }): Promise<ActionAnswer> {
  const res = await fetch(siteUrl + call.page, {
    method: "POST",
    headers: { "next-action": call.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: siteUrl, cookie: call.cookie },
    body: JSON.stringify(call.args),
    redirect: "manual",
    signal: call.signal,
  });
  const text = await res.text();
  let value: unknown = undefined;
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(\{.*\})$/.exec(line);
    if (!m?.[2]) continue;
    const row = JSON.parse(m[2]) as Record<string, unknown>;
    if (m[1] === "0" && "a" in row && typeof row.a !== "object") continue; // the envelope pointing at row 1
    value = m[1] === "0" && typeof row.a === "object" ? row.a : row;
  }
  return { status: res.status, value };
}
