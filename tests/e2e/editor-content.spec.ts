import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectNoAxeViolations, signIn } from "./support";
import { TEST_EDITOR } from "./test-accounts";

// What goes into a story's body besides typing: pasted Word and Markdown, dropped image
// files, the texts of each image, and tables, in the editor and on the published page.

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  const page = await context.newPage();
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  return page;
}

const bodyEditor = (page: Page) => page.getByRole("textbox", { name: "Brödtext" });

async function newStory(page: Page, title: string) {
  await page.goto("/admin/artiklar/ny");
  await page.getByRole("textbox", { name: /^Rubrik/ }).fill(title);
  await page.getByLabel("Ingress").fill("En ingress till en artikel om vad som går att lägga in i brödtexten.");
  await bodyEditor(page).click();
}

/** Saves, publishes and opens the public page. */
async function publishAndOpen(page: Page) {
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByText(/^Artikeln är sparad/)).toBeVisible();
  await page.getByRole("button", { name: "Publicera nu" }).click();
  await expect(page.getByText("Artikeln är publicerad.")).toBeVisible();
  await page.goto(`/nyheter/${await page.getByLabel("Adress (slug)").inputValue()}`);
}

/** A paste as the browser dispatches it, with the clipboard's formats. */
async function paste(page: Page, data: Record<string, string>) {
  await page.locator(".ProseMirror").evaluate((el, formats) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(formats)) transfer.setData(type, value);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->
<h1><span style='mso-fareast-font-family:"Times New Roman"'>Företagen i siffror<o:p></o:p></span></h1>
<p class=MsoNormal>Så här ser det ut i <b>tre</b> kommuner.<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200><p class=MsoNormal>Kommun<o:p></o:p></p></td><td><p class=MsoNormal>Företag</p></td></tr>
<tr><td><p class=MsoNormal>Lerum</p></td><td><p class=MsoNormal>1 240</p></td></tr></table>
<p class=MsoNormal><![if !vml]><img width=267 height=178 src="file:///C:/Users/x/clip_image002.jpg"><![endif]><o:p></o:p></p>
<p class=MsoNormal><img src="file:///C:/Users/x/clip_image003.png"></p>
<iframe src="https://video.example/embed/1"></iframe>
<!--EndFragment--></body></html>`;

test("pasting from Word keeps the headings and the table, and says what was dropped", async ({ browser }) => {
  const page = await staffPage(browser);
  await newStory(page, "Inklistrat från Word");
  await paste(page, { "text/html": WORD_HTML, "text/plain": "Företagen i siffror\nSå här ser det ut i tre kommuner." });
  const body = bodyEditor(page);
  await expect(body.locator("h2")).toHaveText("Företagen i siffror");
  await expect(body.locator("strong")).toHaveText("tre");
  await expect(body.locator("table tr")).toHaveCount(2);
  await expect(body.locator("table td").nth(3)).toHaveText("1 240");
  await expect(body.locator("img, iframe")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Inklistrat." })).toHaveText("Inklistrat. Borttaget: 2 bilder, 1 inbäddning.");
});

test("pasted Markdown becomes a heading and a list", async ({ browser }) => {
  const page = await staffPage(browser);
  await newStory(page, "Inklistrad Markdown");
  await paste(page, { "text/plain": "## Läget i kommunen\n\n- Fler nya företag\n- Färre konkurser\n" });
  const body = bodyEditor(page);
  await expect(body.locator("h2")).toHaveText("Läget i kommunen");
  await expect(body.locator("ul > li")).toHaveText(["Fler nya företag", "Färre konkurser"]);
  await expect(body).not.toContainText("##");
});

test("a dropped image file opens the library's upload with the file and is inserted once it has alt text", async ({ browser }) => {
  const page = await staffPage(browser);
  await newStory(page, "En bild som släpptes i texten");
  await page.keyboard.type("Texten före bilden.");
  const png = (await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 60, g: 120, b: 170 } } }).png().toBuffer()).toString("base64");
  await page.locator(".ProseMirror").evaluate((el, data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "hamnen.png", { type: "image/png" }));
    const box = el.getBoundingClientRect();
    el.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.bottom - 10 }));
  }, png);

  const dialog = page.getByRole("dialog", { name: "Välj en bild" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("(hamnen.png) är vald")).toBeVisible();
  const alt = dialog.getByLabel("Alternativtext", { exact: false });
  await expect(alt).toBeFocused();
  // Nothing is inserted without alt text.
  await dialog.getByRole("button", { name: "Ladda upp och välj" }).click();
  await expect(dialog.getByText("Skriv en alternativtext som beskriver bilden")).toBeVisible();
  await expect(bodyEditor(page).locator("img")).toHaveCount(0);
  await alt.fill("Båtar i hamnen en blå morgon");
  await dialog.getByRole("button", { name: "Ladda upp och välj" }).click();
  await expect(dialog).toBeHidden();
  await expect(bodyEditor(page).locator("p + .editor-figure img[alt='Båtar i hamnen en blå morgon']")).toBeVisible();
});

test("'Bildens texter' changes an image's alt text and caption, and the published page shows them", async ({ browser }) => {
  const page = await staffPage(browser);
  await newStory(page, `Bildens egna texter ${Date.now()}`);
  await page.keyboard.type("En bild följer.");
  const texts = page.getByRole("button", { name: "Bildens texter" });
  await expect(texts).toBeDisabled();
  await page.getByRole("button", { name: "Bild", exact: true }).click();
  const library = page.getByRole("dialog", { name: "Välj en bild" });
  await library.getByRole("button", { name: /Välj bilden:/ }).first().click();
  await expect(library).toBeHidden();

  await bodyEditor(page).locator(".editor-figure").click();
  await expect(texts).toBeEnabled();
  await texts.click();
  const dialog = page.getByRole("dialog", { name: "Bildens texter" });
  await expect(dialog).toBeVisible();
  const alt = dialog.getByLabel("Alternativtext", { exact: false });
  await expect(alt).not.toHaveValue("");
  await alt.fill("");
  await dialog.getByRole("button", { name: "Spara texterna" }).click();
  await expect(dialog.getByText("Skriv en alternativtext som beskriver bilden")).toBeVisible();
  await expect(alt).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await alt.fill("Kommunhuset i kvällsljus");
  await dialog.getByLabel("Bildtext").fill("Kommunhuset, där avtalet skrevs under.");
  await dialog.getByRole("button", { name: "Spara texterna" }).click();
  await expect(dialog).toBeHidden();
  await expect(bodyEditor(page).locator("img[alt='Kommunhuset i kvällsljus']")).toBeVisible();

  await publishAndOpen(page);
  const figure = page.locator(".rich-figure");
  await expect(figure.locator("img")).toHaveAttribute("alt", "Kommunhuset i kvällsljus");
  await expect(figure.locator("figcaption")).toContainText("Kommunhuset, där avtalet skrevs under.");
});

test("a table made in the editor is published with its caption and header cells, and passes axe", async ({ browser }) => {
  const page = await staffPage(browser);
  await newStory(page, `Tabell över företagen ${Date.now()}`);
  await page.keyboard.type("Siffrorna nedan.");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Infoga tabell" }).click();
  await expect(page.getByRole("button", { name: "Rubrikrad" })).toHaveAttribute("aria-pressed", "true");
  for (const cell of ["Kommun", "Företag", "Nya i år", "Lerum", "1 240", "85", "Ale", "910", "64"]) {
    await page.keyboard.type(cell);
    await page.keyboard.press("Tab");
  }
  await expect(bodyEditor(page).locator("table tr")).toHaveCount(3);
  await page.getByRole("button", { name: "Lägg till rad" }).click();
  await expect(bodyEditor(page).locator("table tr")).toHaveCount(4);
  await page.getByRole("button", { name: "Ta bort rad" }).click();
  await expect(bodyEditor(page).locator("table tr")).toHaveCount(3);
  await page.getByLabel("Tabellrubrik").fill("Företag i kommunerna 2026");

  await publishAndOpen(page);
  const table = page.getByRole("region", { name: "Tabell: Företag i kommunerna 2026" }).locator("table");
  await expect(table.locator("caption")).toHaveText("Företag i kommunerna 2026");
  await expect(table.locator("thead th[scope=col]")).toHaveText(["Kommun", "Företag", "Nya i år"]);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tbody td").first()).toHaveText("Lerum");
  await expectNoAxeViolations(page);
});
