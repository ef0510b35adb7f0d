import { creditText } from "@/lib/format";

/** The caption under an image, with its credit ("Foto: …") after it; nothing when it has neither. */
export function ImageCaption({ caption, credit }: { caption?: string | null; credit?: string | null }) {
  if (!caption && !credit) return null;
  return (
    <figcaption>
      {caption || null}
      {credit ? <span className="credit"> {creditText(credit)}</span> : null}
    </figcaption>
  );
}
