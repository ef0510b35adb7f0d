import { draftMode } from "next/headers";
import { redirect } from "next/navigation";

// Leaves preview: draft mode off, back to the page (a path on this site only).
export async function GET(request: Request) {
  (await draftMode()).disable();
  const to = new URL(request.url).searchParams.get("till") ?? "/admin";
  redirect(to.startsWith("/") && !to.startsWith("//") ? to : "/admin");
}
