import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { StoryEditorPage } from "./pages/story-editor";
import { TEST_ADMIN, TEST_EDITOR } from "./test-accounts";

// The accessibility check in the editor (tillgänglighetskontroll): found live as the story is
// typed, each finding taking the cursor to its place, errors blocking the publish until fixed
// or overridden with a reason that the log keeps.

const PASTED = `<h3>Så anmäler du dig</h3><p>Anmälan är öppen till fredag: <a href="https://lerum.se/anmalan">klicka här</a></p><p>Läs <a href="https://lerum.se/plan.pdf">planen</a> före mötet.</p>`;

test("the check finds what is wrong as it is typed, shows where, and blocks the publish until overridden with a reason", async ({ browser }) => {
  const editor = await StoryEditorPage.signedIn(browser, TEST_EDITOR);
  const { page } = editor;
  const title = `Frukostmöte med kontroll ${Date.now()}`;
  await editor.openNew();
  await editor.title.fill(title);
  await editor.lead.fill("Företagarna i Lerum bjuds in till ett frukostmöte om nya etableringar.");
  await editor.body.click();
  await editor.body.evaluate((el, html) => {
    const transfer = new DataTransfer();
    transfer.setData("text/html", html);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, PASTED);

  const panel = page.getByRole("region", { name: "Tillgänglighetskontroll" });
  await expect(panel).toContainText("2 fel och 2 varningar. Fel stoppar publiceringen.");
  await expect(panel).toContainText("Mellanrubriken ”Så anmäler du dig” hoppar från nivå 1 till nivå 3.");
  await expect(panel).toContainText("Länktexten ”klicka här” säger inte vart länken går.");
  await expect(panel).toContainText("Länken ”planen” går till ett dokument (PDF) utan att säga det.");
  await expectNoAxeViolations(page);

  // "Visa" puts the cursor in the paragraph with the link.
  await panel.getByRole("button", { name: /Visa var: Länktexten/ }).click();
  await expect(editor.body).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest("p")?.textContent)).toContain("Anmälan är öppen till fredag");

  // A warning goes away as its field is filled.
  await page.getByLabel("Sidansvarig").fill("Näringslivsenheten, Lerums kommun");
  await expect(panel).toContainText("2 fel och 1 varning.");

  // Errors block publishing, with the findings in the answer.
  await editor.save();
  await editor.button("Publicera nu").click();
  await expect(page.getByRole("alert").filter({ hasText: "Tillgänglighetskontrollen" })).toContainText("Tillgänglighetskontrollen hittade 2 fel");
  await expect(page.getByText("Status:")).toContainText("Utkast");

  // Fixing the heading in the text clears that error at once.
  await panel.getByRole("button", { name: /Visa var: Mellanrubriken/ }).click();
  await editor.button("Rubrik 2").click();
  await expect(panel).toContainText("1 fel och 1 varning.");

  // An editor may publish anyway, with a reason.
  await panel.getByLabel("Publicera ändå: motivering").fill("Kommunens anmälningssida byter adress i morgon, länken rättas då.");
  await editor.button("Publicera ändå").click();
  await expect(page.getByText("Artikeln är publicerad.")).toBeVisible();

  const admin = await StoryEditorPage.signedIn(browser, TEST_ADMIN);
  await admin.page.goto("/admin/logg?omrade=story.");
  await expect(admin.page.getByText(`Publicerade ”${title}” trots 1 fel i tillgänglighetskontrollen`)).toBeVisible();
  await expect(admin.page.getByText("Motivering: Kommunens anmälningssida byter adress i morgon, länken rättas då.")).toBeVisible();
});
