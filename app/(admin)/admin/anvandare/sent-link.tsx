import type { LinkSent } from "@/lib/db/accounts";

/** In local mode no mail goes out: the administrator gets the one-time link to pass on. */
export function SentLink({ sent, purpose }: { sent?: LinkSent; purpose: "invite" | "reset" }) {
  if (!sent?.link) return null;
  return (
    <div className="rounded border border-amber-600 bg-amber-50 p-3">
      <p>
        E-post skickas inte i lokalt läge (SMTP_URL saknas). Ge länken till {sent.email} på ett säkert sätt. Den fungerar en gång och gäller i{" "}
        {purpose === "invite" ? "7 dagar" : "en timme"}.
      </p>
      <p className="mt-2 break-all">
        {purpose === "invite" ? "Inbjudningslänk" : "Länk för nytt lösenord"}:{" "}
        <a href={sent.link} data-testid="invite-link">
          {sent.link}
        </a>
      </p>
    </div>
  );
}
