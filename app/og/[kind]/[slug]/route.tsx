import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { kindLabel } from "@/lib/format";
import { ogSafeText } from "@/lib/og-text";
import { getStory } from "@/lib/queries";
import { isSlug } from "@/lib/slug";

// The share image of a story that has no hero image: its title on the site's colours, set in
// Inter from assets/fonts (no font is fetched from anywhere).
const font = (file: string) => readFile(path.join(process.cwd(), "assets/fonts", file));
const fonts = Promise.all([font("inter-latin-400-normal.woff"), font("inter-latin-700-normal.woff")]);

// Stored like a page: rendered at the first request, then served until a publish changes it.
export const dynamic = "force-static";
export const generateStaticParams = async () => [];

export async function GET(_req: Request, { params }: { params: Promise<{ kind: string; slug: string }> }) {
  const { kind, slug } = await params;
  if (!["nyhet", "intervju"].includes(kind) || !isSlug(slug)) return new Response("Hittades inte", { status: 404 });
  const story = await getStory(slug);
  if (!story || (kind === "intervju") !== (story.kind === "INTERVIEW")) return new Response("Hittades inte", { status: 404 });
  const [regular, bold] = await fonts;
  // Only what the bundled font has: anything else would make next/og fetch from a CDN.
  const title = ogSafeText(story.title);
  const places = ogSafeText(story.organisations.map((o) => o.shortName ?? o.name).slice(0, 3).join(" · "));
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#0b3a5b", color: "white", padding: 72, fontFamily: "Inter" }}>
        <div style={{ display: "flex", fontSize: 30, fontWeight: 700, color: "#fdba74", textTransform: "uppercase", letterSpacing: 2 }}>{kindLabel(story.kind)}</div>
        <div style={{ display: "flex", fontSize: title.length > 70 ? 56 : 68, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 28 }}>
          <span>Näringslivsnytt</span>
          <span>{places}</span>
        </div>
      </div>
    ),
    {
      width: 1200,
      height: 630,
      fonts: [
        { name: "Inter", data: regular, weight: 400, style: "normal" },
        { name: "Inter", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
