// The import form's refusals, by the code the upload route sends back in ?fel= (the page shows
// the message and keeps the chosen organisation and mode; a file input cannot be refilled).

export type ImportErrorCode = "ingen-fil" | "inte-wxr" | "for-stor" | "inte-zip" | "organisation" | "fel-format";

export function importErrorMessage(code: string | undefined, maxMb: number): string | null {
  switch (code) {
    case "ingen-fil":
      return "Välj WordPress-exportens fil (WXR, en .xml-fil) och försök igen.";
    case "inte-wxr":
      return "Filen är inte en WordPress-export (WXR). Exportera från WordPress under Verktyg → Exportera → Allt innehåll, och välj den .xml-fil du får.";
    case "for-stor":
      return `Filen är för stor: varje fil får vara högst ${maxMb} MB. Dela upp exporten i WordPress (till exempel per år) eller be driften höja IMPORT_MAX_MB.`;
    case "inte-zip":
      return "Bilderna måste vara en zip-fil (till exempel wp-content/uploads packad som zip).";
    case "organisation":
      return "Välj vilken organisation innehållet ska höra till.";
    case "fel-format":
      return "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";
    default:
      return null;
  }
}

/**
 * A first look at the upload's beginning, so a wrong file is refused at once: a WXR file has
 * <rss> after its XML declaration and comments. A head that is all comment cannot tell, and
 * passes on to the parser, which refuses anything else with its own Swedish message.
 */
export function looksLikeWxr(head: Buffer, headBytes: number): boolean {
  const text = head.toString("utf8");
  if (/<rss[\s>]/.test(text)) return true;
  return head.length >= headBytes && !/<[a-zA-Z]/.test(text.replace(/<!--[\s\S]*?(?:-->|$)/g, ""));
}

export const looksLikeZip = (head: Buffer) => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
