import { cookies, draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { PREVIEW_COPY_COOKIE } from "@/lib/newsroom/preview";

// Leaves preview: draft mode off, back to the page (a path on this site only).
export async function GET(request: Request) {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COPY_COOKIE);
  const to = new URL(request.url).searchParams.get("till") ?? "/admin";
  redirect(to.startsWith("/") && !to.startsWith("//") ? to : "/admin");
}
