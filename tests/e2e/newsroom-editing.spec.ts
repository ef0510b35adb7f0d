import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./support";
import { StoryEditorPage } from "./pages/story-editor";
import { TEST_ADMIN, TEST_EDITOR } from "./test-accounts";

// The story editor under the conditions that lose words in lesser systems: two people saving
// the same story, a failed validation, leaving with unsaved changes, and keyboard-only use.

async function staffPage(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  return (await StoryEditorPage.signedIn(browser, account)).page;
}

const titleField = (page: Page) => new StoryEditorPage(page).title;

async function newDraft(page: Page, title: string): Promise<string> {
  return new StoryEditorPage(page).writeNew({ title, lead: "En ingress som båda redaktörerna kommer att vilja ändra." });
}

test("the second of two simultaneous saves gets a conflict view, never a silent overwrite", async ({ browser }) => {
  const first = await staffPage(browser, TEST_EDITOR);
  const url = await newDraft(first, `Konfliktprov ${Date.now()}`);
  const second = await staffPage(browser, TEST_ADMIN);
  await second.goto(url);
  await expect(titleField(second)).not.toHaveValue("");

  await titleField(first).fill("Rubriken som sparades först");
  await first.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(first.getByText("Artikeln är sparad.", { exact: false })).toBeVisible();

  await second.getByLabel("Ingress").fill("Ingressen som någon annan skrev samtidigt.");
  await second.getByRole("button", { name: "Spara", exact: true }).click();
  const conflict = second.getByRole("region", { name: /Konflikt: artikeln har sparats av Test Redaktör Lerum/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Rubriken som sparades först")).toBeVisible();
  // Nothing of the second person's text is lost while they decide.
  await expect(second.getByLabel("Ingress")).toHaveValue("Ingressen som någon annan skrev samtidigt.");
  await expectNoAxeViolations(second);

  await conflict.getByRole("button", { name: "Spara min version ovanpå" }).click();
  await expect(conflict).toBeHidden();
  await expect(second.getByText("Artikeln är sparad.", { exact: false })).toBeVisible();
  await first.reload();
  await expect(first.getByLabel("Ingress")).toHaveValue("Ingressen som någon annan skrev samtidigt.");

  // Both saves are in the history, each with its author.
  await first.goto(`${url}/historik`);
  await expect(first.getByRole("cell", { name: "Test Redaktör Lerum" }).first()).toBeVisible();
  await expect(first.getByRole("cell", { name: "Test Administratör" }).first()).toBeVisible();
});

test("a failed save keeps every typed word and names the field; leaving unsaved asks first", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  await page.goto("/admin/artiklar/ny");
  await titleField(page).fill("Ett utkast med för lång metabeskrivning");
  await page.getByLabel("Ingress").fill("Ingressen ska finnas kvar efter felet.");
  const meta = "Ord ".repeat(50);
  await page.getByLabel("Metabeskrivning (för sökmotorer)").fill(meta);
  await expect(page.getByText(`${meta.length} av högst 160 tecken`, { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "kunde inte sparas" })).toContainText("Metabeskrivningen får vara högst 160 tecken.");
  await expect(page.getByLabel("Metabeskrivning (för sökmotorer)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Ingress")).toHaveValue("Ingressen ska finnas kvar efter felet.");
  await expect(page.getByLabel("Metabeskrivning (för sökmotorer)")).toHaveValue(meta);
  await expectNoAxeViolations(page);

  // Leaving with unsaved changes asks; saying no keeps the page and the text.
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Artiklar" }).click();
  await expect.poll(() => asked).toContain("inte är sparade");
  await expect(page).toHaveURL(/\/admin\/artiklar\/ny$/);
  await expect(titleField(page)).toHaveValue("Ett utkast med för lång metabeskrivning");
});

test("the body editor and the media library work by keyboard", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  await page.goto("/admin/artiklar/ny");
  const body = page.getByRole("textbox", { name: "Brödtext" });
  await body.focus();
  // The toolbar comes right before the text: Shift+Tab reaches its last button.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Fråga och svar" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Vad betyder utbyggnaden för orten?");
  await expect(page.locator(".editor-question")).toHaveText("Vad betyder utbyggnaden för orten?");

  await body.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Bild", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Välj en bild" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: /Välj bilden:/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("an inserted image stays when typing goes on after it", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  await page.goto("/admin/artiklar/ny");
  await titleField(page).fill("Bilden ska stå kvar när man skriver vidare");
  await page.getByLabel("Ingress").fill("En ingress till en artikel med en bild mitt i texten.");
  const body = page.getByRole("textbox", { name: "Brödtext" });
  await body.click();
  await page.keyboard.type("Första stycket.");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Bild", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Välj en bild" });
  await dialog.getByRole("button", { name: /Välj bilden:/ }).first().click();
  await expect(dialog).toBeHidden();
  // Typing right away goes after the image; before, the first key replaced the selected image.
  await page.keyboard.type("Texten efter bilden.");
  await expect(body.locator(".editor-figure")).toHaveCount(1);
  await expect(body.locator("p").last()).toHaveText("Texten efter bilden.");

  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/^Artikeln är sparad/)).toBeVisible();
  await page.reload();
  await expect(body.locator(".editor-figure")).toHaveCount(1);
  await expect(body).toContainText("Första stycket.");
  await expect(body).toContainText("Texten efter bilden.");
});

test("an editor's new story can be published right after its first save, without a reload", async ({ browser }) => {
  const editor = await StoryEditorPage.signedIn(browser, TEST_EDITOR);
  await editor.writeNew({ title: "Redaktören publicerar sin nya artikel direkt", lead: "En ingress till en artikel som publiceras utan att sidan laddas om.", body: "Brödtexten är kort men räcker." });
  // Before, the new-story page told the editor it could not publish until the page was loaded again.
  await editor.publishNow();
});

test("a session that ends while editing keeps the text, and the save goes through after signing in again in a new tab", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  const path = await newDraft(page, "Sessionen tar slut mitt i skrivandet");
  // The session ends (its cookie is gone, as after signing out in another tab or an expiry).
  await page.context().clearCookies();
  const body = page.getByRole("textbox", { name: "Brödtext" });
  await body.click();
  await page.keyboard.type("Ett stycke skrivet efter att sessionen tog slut.");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  // Before, the editor went to /logga-in and then /admin, and the paragraph was gone.
  const dialog = page.getByRole("dialog", { name: "Du har blivit utloggad" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(body).toContainText("Ett stycke skrivet efter att sessionen tog slut.");
  await expectNoAxeViolations(page);

  const [tab] = await Promise.all([page.waitForEvent("popup"), dialog.getByRole("link", { name: "Logga in i en ny flik" }).click()]);
  await signIn(tab, TEST_EDITOR.email, TEST_EDITOR.password);
  await tab.close();
  await dialog.getByRole("button", { name: "Spara igen" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Artikeln är sparad/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Brödtext" })).toContainText("Ett stycke skrivet efter att sessionen tog slut.");
});

test("unsaved work is kept in the browser and offered back when the story is opened again", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  const path = await newDraft(page, "Webbläsaren minns det osparade");
  await page.getByRole("textbox", { name: "Brödtext" }).click();
  await page.keyboard.type("Skrivet strax innan fliken stängdes.");
  // The tab goes away before autosave (3 s after the last key): a crash, say.
  await page.waitForTimeout(700);
  const context = page.context();
  await page.close();

  const again = await context.newPage();
  await again.goto(path);
  const offer = again.getByRole("region", { name: "Osparade ändringar finns kvar" });
  await expect(offer).toBeVisible();
  await expect(again.getByRole("textbox", { name: "Brödtext" })).not.toContainText("Skrivet strax innan");
  await expectNoAxeViolations(again);
  await offer.getByRole("button", { name: "Återställ ändringarna" }).click();
  await expect(again.getByRole("textbox", { name: "Brödtext" })).toContainText("Skrivet strax innan fliken stängdes.");
  await again.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(again.getByText(/^Artikeln är sparad/)).toBeVisible();
  // Saved: nothing left to offer.
  await again.reload();
  await expect(again.getByRole("textbox", { name: "Brödtext" })).toContainText("Skrivet strax innan fliken stängdes.");
  await expect(again.getByRole("region", { name: "Osparade ändringar finns kvar" })).toHaveCount(0);
});

test("Enter moves from a question to its answer and out of the block after it; Ctrl+K adds a link through a dialog that refuses what the site would not link", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  await page.goto("/admin/artiklar/ny");
  const body = page.getByRole("textbox", { name: "Brödtext" });
  await page.getByRole("button", { name: "Fråga och svar" }).click();
  await page.keyboard.type("Vad händer i hamnen?");
  // Before, Enter split the question and both lines ended up in one bold question.
  await page.keyboard.press("Enter");
  await page.keyboard.type("Den byggs ut i två steg.");
  await expect(body.locator(".editor-question")).toHaveText("Vad händer i hamnen?");
  await expect(body.locator(".editor-answer")).toHaveText("Den byggs ut i två steg.");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Ett stycke efter intervjufrågan.");
  await expect(body.locator(".editor-answer p")).toHaveCount(1);
  await expect(body.locator(".editor-qa + p")).toHaveText("Ett stycke efter intervjufrågan.");

  // Select the last word with its full stop ("intervjufrågan.", 15 characters) and press Ctrl+K.
  for (let i = 0; i < 15; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Lägg till en länk" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Länkens adress")).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByLabel("Länkens adress").fill("javascript:alert(1)");
  await page.keyboard.press("Enter");
  await expect(dialog.getByText("Adressen går inte att länka till.", { exact: false })).toBeVisible();
  await dialog.getByLabel("Länkens adress").fill("www.lerum.se/naringsliv");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(body.locator('a[href="https://www.lerum.se/naringsliv"]')).toHaveText("intervjufrågan.");
});

test("restoring a version of a published story loads it into the editor, and the live page changes only when it is saved", async ({ browser }) => {
  const editor = await StoryEditorPage.signedIn(browser, TEST_EDITOR);
  const page = editor.page;
  await editor.writeNew({ title: "Versionen som kom tillbaka", lead: "Den första ingressen, som ska komma tillbaka.", body: "Brödtexten står kvar genom alla versioner." });
  await editor.publishNow();
  await page.getByLabel("Ingress").fill("Den andra ingressen, som är publicerad nu.");
  await page.getByRole("button", { name: "Spara och publicera ändringarna" }).click();
  await expect(page.getByText(/^Ändringarna är publicerade/)).toBeVisible();
  const storyPath = `/nyheter/${await page.getByLabel("Adress (slug)").inputValue()}`;

  await page.getByRole("link", { name: "Versioner och historik" }).click();
  await page.getByRole("table").getByRole("link").last().click();
  await page.getByRole("link", { name: "Läs in den här versionen i redigeraren" }).click();
  // Before, one click put the old version on the live page at once.
  await expect(page.getByLabel("Ingress")).toHaveValue("Den första ingressen, som ska komma tillbaka.");
  await expect(page.getByText(/är inläst men inte sparad/)).toBeVisible();
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(storyPath);
  await expect(reader.getByText("Den andra ingressen, som är publicerad nu.")).toBeVisible();

  // Saving it is an edit of a published story: the same minor/real-update choice as any.
  await expect(page.getByRole("radio", { name: /^Mindre ändring/ })).toBeChecked();
  await page.getByRole("button", { name: "Spara och publicera ändringarna" }).click();
  await expect(page.getByText(/^Ändringarna är publicerade/)).toBeVisible();
  await expect.poll(async () => (await reader.reload(), await reader.getByText("Den första ingressen, som ska komma tillbaka.").count())).toBe(1);
});

test("the story list fits a 320 px phone, and a bulk step runs on each ticked story", async ({ browser }) => {
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  const tag = `Mass${Date.now().toString(36)}`;
  await newDraft(page, `${tag} ett`);
  await newDraft(page, `${tag} två`);
  await page.goto(`/admin/artiklar?q=${tag}`);
  // Before, the list was 526 px wide on a 375 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: `Välj ”${tag} ett”` }).check();
  await page.getByRole("checkbox", { name: `Välj ”${tag} två”` }).check();
  await page.getByLabel("Gör med de valda").selectOption("trash");
  await page.getByRole("button", { name: "Utför" }).click();
  await expect(page.getByText("2 artiklar flyttades till papperskorgen.")).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag} ett` })).toHaveCount(0);
});

test("previewing a draft with unsaved changes shows those changes (the draft is saved first)", async ({ browser }) => {
  const page = await staffPage(browser, TEST_EDITOR);
  await newDraft(page, "Förhandsvisningen visar det senaste");
  await page.getByLabel("Ingress").fill("Den här ingressen skrevs alldeles nyss.");
  // Before, this asked to leave the page and then showed the last saved version.
  await page.getByRole("link", { name: "Förhandsvisa" }).click();
  await expect(page).toHaveURL(/\/nyheter\/forhandsvisningen-visar-det-senaste$/);
  await expect(page.getByText("Den här ingressen skrevs alldeles nyss.")).toBeVisible();
});

test("previewing a published story with unsaved changes shows them in a new tab, and the live page stays as it is", async ({ browser }) => {
  const editor = await StoryEditorPage.signedIn(browser, TEST_EDITOR);
  await editor.writeNew({ title: "Förhandsvisning av en publicerad artikel", lead: "Ingressen som står på webbplatsen.", body: "Brödtexten som redan är publicerad." });
  await editor.publishNow();
  const path = await editor.publicPath();
  await editor.lead.fill("En ny ingress som ännu inte är sparad.");
  await editor.typeInBody(" Ett tillägg som bara förhandsvisningen visar.");
  // Before, the preview of a story past draft showed the saved version only.
  const [tab] = await Promise.all([editor.page.waitForEvent("popup"), editor.previewLink.click()]);
  await expect(tab).toHaveURL(new RegExp(`${path}$`));
  await expect(tab.getByText("Sidan visar dina osparade ändringar.", { exact: false })).toBeVisible();
  await expect(tab.getByText("En ny ingress som ännu inte är sparad.")).toBeVisible();
  await expect(tab.getByText("Ett tillägg som bara förhandsvisningen visar.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(tab);
  // Nothing was saved: a reader sees the published text, and the editor still holds the changes.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(reader.getByText("Ingressen som står på webbplatsen.")).toBeVisible();
  await expect(reader.getByText("Ett tillägg som bara förhandsvisningen visar.", { exact: false })).toHaveCount(0);
  await expect(editor.lead).toHaveValue("En ny ingress som ännu inte är sparad.");
  await expect(editor.status).toContainText("Osparade ändringar.");
});
