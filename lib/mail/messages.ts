import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

// The plain-text mails the newsroom sends, in Swedish.

export function inviteMail(to: { email: string; name: string; role: Role }, invitedBy: string, link: string, validDays: number) {
  return {
    to: to.email,
    link,
    subject: "Du är inbjuden till redaktionen på Näringslivsnytt",
    text: [
      `Hej ${to.name}!`,
      "",
      `${invitedBy} har bjudit in dig som ${ROLE_LABELS[to.role].toLowerCase()} på Näringslivsnytt, där kommunikatörer publicerar nyheter om näringslivet i sina kommuner.`,
      "",
      "Välj ditt lösenord här:",
      link,
      "",
      `Länken fungerar en gång och gäller i ${validDays} dagar. Om du inte väntade dig den här inbjudan kan du bortse från meddelandet.`,
      "",
      "Hälsningar",
      "Näringslivsnytt",
    ].join("\n"),
  };
}

export function resetMail(to: { email: string; name: string }, link: string, validMinutes: number) {
  return {
    to: to.email,
    link,
    subject: "Välj ett nytt lösenord för Näringslivsnytt",
    text: [
      `Hej ${to.name}!`,
      "",
      "Vi har fått en begäran om att byta lösenord för ditt konto på Näringslivsnytts redaktion.",
      "",
      "Välj ett nytt lösenord här:",
      link,
      "",
      `Länken fungerar en gång och gäller i ${validMinutes} minuter. Om du inte har bett om ett nytt lösenord kan du bortse från meddelandet: ditt nuvarande lösenord fortsätter att gälla.`,
      "",
      "Hälsningar",
      "Näringslivsnytt",
    ].join("\n"),
  };
}
