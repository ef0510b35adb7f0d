import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { expectNoAxeViolations, signIn } from "./support";
import { TEST_ADMIN, TEST_EDITOR } from "./test-accounts";

// The newsroom's WordPress import (/admin/import, decision 026): an administrator uploads a small
// export written for this test, runs it dry, reads the report, imports it for real and finds
// the stories in the newsroom and on the public site; the form's refusals keep what was chosen;
// an editor is refused at the page and at its routes; axe and a keyboard pass on the form.

const WXR = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- Skriven för testet: en WordPress 6-export med ett Gutenberg-inlägg, ett klassiskt inlägg och en kommentar. -->
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Näringsliv i Importby</title>
	<link>https://naringsliv.importby.example</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://naringsliv.importby.example</wp:base_site_url>
	<wp:base_blog_url>https://naringsliv.importby.example</wp:base_blog_url>
	<wp:author><wp:author_login><![CDATA[maria]]></wp:author_login><wp:author_email><![CDATA[maria@importby.example]]></wp:author_email><wp:author_display_name><![CDATA[Maria Öberg]]></wp:author_display_name></wp:author>
	<wp:category><wp:category_nicename><![CDATA[importby-foretag]]></wp:category_nicename><wp:cat_name><![CDATA[Företag i Importby]]></wp:cat_name></wp:category>
	<item>
		<title><![CDATA[Importby får ett nytt företagscentrum vid torget]]></title>
		<link>https://naringsliv.importby.example/2024/03/nytt-foretagscentrum/</link>
		<dc:creator><![CDATA[maria]]></dc:creator>
		<guid isPermaLink="false">https://naringsliv.importby.example/?p=501</guid>
		<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>Ett nytt företagscentrum öppnar vid torget i Importby, med plats för tjugo småföretag.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Vem kan hyra?</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Alla som driver företag i kommunen kan söka en plats.</p>
<!-- /wp:paragraph -->

<!-- wp:html -->
<iframe src="https://video.example/embed/importby"></iframe>
<!-- /wp:html -->]]></content:encoded>
		<excerpt:encoded><![CDATA[Ett nytt företagscentrum öppnar vid torget i Importby.]]></excerpt:encoded>
		<wp:post_id>501</wp:post_id>
		<wp:post_date><![CDATA[2024-03-12 09:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-03-12 08:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[importby-nytt-foretagscentrum]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="importby-foretag"><![CDATA[Företag i Importby]]></category>
		<wp:comment>
			<wp:comment_id>9001</wp:comment_id>
			<wp:comment_author><![CDATA[Sven Åkesson]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[sven@importby.example]]></wp:comment_author_email>
			<wp:comment_date_gmt><![CDATA[2024-03-12 10:30:00]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[Äntligen en mötesplats för oss småföretagare!]]></wp:comment_content>
			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
		</wp:comment>
	</item>
	<item>
		<title><![CDATA[Frukostmöte om upphandling i Importby]]></title>
		<link>https://naringsliv.importby.example/?p=502</link>
		<dc:creator><![CDATA[maria]]></dc:creator>
		<guid isPermaLink="false">https://naringsliv.importby.example/?p=502</guid>
		<content:encoded><![CDATA[Kommunen bjuder in till frukostmöte om hur lokala företag kan lämna anbud.

Anmäl dig till <strong>näringslivskontoret</strong> senast fredag.]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>502</wp:post_id>
		<wp:post_date><![CDATA[2024-04-02 07:30:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-04-02 05:30:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[importby-frukostmote-upphandling]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
</channel>
</rss>
`;

const GUTENBERG = "/nyheter/importby-nytt-foretagscentrum";
const CLASSIC = "/nyheter/importby-frukostmote-upphandling";

let files: { wxr: string; notWxr: string; tooLarge: string };

test.beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "e2e-import-"));
  files = { wxr: path.join(dir, "importby.xml"), notWxr: path.join(dir, "anteckningar.xml"), tooLarge: path.join(dir, "stor-export.xml") };
  await writeFile(files.wxr, WXR);
  await writeFile(files.notWxr, "Det här är inga artiklar, bara anteckningar från mötet.\n");
  await writeFile(files.tooLarge, WXR.replace("</channel>", `<!-- ${"utfyllnad ".repeat(130_000)} --></channel>`));
});

const form = (page: Page) => page.locator("#importformular");

async function startImport(page: Page, mode: "Provkör" | "Importera") {
  await form(page).getByLabel("WordPress-export (WXR)").setInputFiles(files.wxr);
  await form(page).getByLabel("Organisation").selectOption({ label: "Lerums kommun" });
  await form(page).getByRole("radio", { name: new RegExp(`^${mode}`) }).check();
  await form(page).getByRole("button", { name: "Ladda upp och starta" }).click();
  await expect(page).toHaveURL(/\/admin\/import\?jobb=[0-9a-f-]{36}$/);
}

test("an administrator runs the import dry, reads the report, then imports for real and finds the stories", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Import och export" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import och export");

  await startImport(page, "Provkör");
  const status = page.getByRole("status");
  await expect(status).toHaveText("Provkörningen av importby.xml är klar.", { timeout: 30_000 });
  const report = page.getByRole("list").filter({ hasText: "Provkörning (inget sparades)" });
  await expect(report).toContainText("Provkörning (inget sparades): Näringsliv i Importby.");
  await expect(report).toContainText("Artiklar: 2 nya, 0 uppdaterade.");
  await expect(report).toContainText("Kommentarer: 1 hittades; 1 publicerade, 0 till granskning.");
  // The dropped element is reported, per post.
  await expect(report).toContainText("Borttaget ur texterna");
  await expect(report).toContainText("Importby får ett nytt företagscentrum vid torget:");
  await expectNoAxeViolations(page);
  // Nothing was saved.
  expect((await page.request.get(GUTENBERG)).status()).toBe(404);
  // The job's page offers the same choices again.
  await expect(form(page).getByLabel("Organisation")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(form(page).getByRole("radio", { name: /^Provkör/ })).toBeChecked();

  await startImport(page, "Importera");
  await expect(status).toHaveText("Importen av importby.xml är klar.", { timeout: 30_000 });
  await expect(page.getByRole("list").filter({ hasText: "Importen är klar" })).toContainText("Bylines: Maria Öberg.");
  await page.getByRole("link", { name: "Visa de importerade artiklarna" }).click();
  await expect(page.getByRole("link", { name: "Importby får ett nytt företagscentrum vid torget" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Frukostmöte om upphandling i Importby" })).toBeVisible();

  // The public site: both stories, the Gutenberg one with its heading and the reader's comment.
  await page.goto(GUTENBERG);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importby får ett nytt företagscentrum vid torget");
  await expect(page.getByRole("heading", { name: "Vem kan hyra?" })).toBeVisible();
  await expect(page.getByText("Äntligen en mötesplats för oss småföretagare!")).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  await page.goto(CLASSIC);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frukostmöte om upphandling i Importby");
  await expect(page.getByText("Anmäl dig till näringslivskontoret senast fredag.")).toBeVisible();
  // The old address answers with a permanent redirect to the new one.
  const old = await page.request.get("/2024/03/nytt-foretagscentrum/", { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toContain(GUTENBERG);
});

test("the form refuses a file that is not a WordPress export and a missing organisation in Swedish, keeping the choices", async ({ page }) => {
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.goto("/admin/import");
  await form(page).getByLabel("WordPress-export (WXR)").setInputFiles(files.notWxr);
  await form(page).getByLabel("Organisation").selectOption({ label: "Lerums kommun" });
  await form(page).getByRole("radio", { name: /^Importera/ }).check();
  const lerum = await form(page).getByLabel("Organisation").inputValue();
  await form(page).getByRole("button", { name: "Ladda upp och starta" }).click();
  await expect(form(page).getByRole("alert")).toHaveText(/^Filen är inte en WordPress-export \(WXR\)\./);
  await expect(form(page).getByLabel("Organisation")).toHaveValue(lerum);
  await expect(form(page).getByRole("radio", { name: /^Importera/ })).toBeChecked();
  await expectNoAxeViolations(page);

  // Over IMPORT_MAX_MB (1 MB on the test server): refused while it streams, the choices kept.
  await form(page).getByLabel("WordPress-export (WXR)").setInputFiles(files.tooLarge);
  await form(page).getByLabel("Organisation").selectOption({ label: "Lerums kommun" });
  await form(page).getByRole("radio", { name: /^Provkör/ }).check();
  await form(page).getByRole("button", { name: "Ladda upp och starta" }).click();
  await expect(form(page).getByRole("alert")).toHaveText(/^Filen är för stor: varje fil får vara högst 1 MB\./);
  await expect(form(page).getByLabel("Organisation")).toHaveValue(lerum);
  await expect(form(page).getByRole("radio", { name: /^Provkör/ })).toBeChecked();

  // The browser asks for the organisation itself (required); the server refuses too.
  const upload = await page.request.post("/admin/import/ladda-upp", {
    headers: { origin: BASE_URL },
    multipart: { lage: "import", organisationId: "", wxr: { name: "importby.xml", mimeType: "text/xml", buffer: await readFile(files.wxr) } },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(303);
  await page.goto(upload.headers().location!);
  await expect(form(page).getByRole("alert")).toHaveText("Välj vilken organisation innehållet ska höra till.");
  await expect(form(page).getByLabel("Organisation")).toHaveAttribute("aria-invalid", "true");
  await expect(form(page).getByRole("radio", { name: /^Importera/ })).toBeChecked();

  // From another origin nothing is read.
  const foreign = await page.request.post("/admin/import/ladda-upp", { headers: { origin: "https://evil.example" }, multipart: { lage: "prov" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
});

test("the form works by keyboard, and the export downloads as JSON and as WXR", async ({ page }) => {
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.goto("/admin/import");
  const wxr = form(page).getByLabel("WordPress-export (WXR)");
  await wxr.focus();
  await expect(wxr).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form(page).getByLabel("Bilder (zip-fil, valfritt)")).toBeFocused();
  await page.keyboard.press("Tab");
  const organisation = form(page).getByLabel("Organisation");
  await expect(organisation).toBeFocused();
  await page.keyboard.press("Tab");
  const dry = form(page).getByRole("radio", { name: /^Provkör/ });
  await expect(dry).toBeFocused();
  await expect(dry).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(form(page).getByRole("radio", { name: /^Importera/ })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(form(page).getByRole("button", { name: "Ladda upp och starta" })).toBeFocused();
  // Submitting without a file: the browser keeps focus in the form and sends nothing.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/import$/);

  for (const [button, name] of [
    ["Ladda ned som JSON (zip)", /^naringslivsnytt-\d{4}-\d{2}-\d{2}\.zip$/],
    ["Ladda ned som WordPress-export (WXR, zip)", /^naringslivsnytt-\d{4}-\d{2}-\d{2}-wxr\.zip$/],
  ] as const) {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: button }).focus();
    await page.keyboard.press("Enter");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(name);
    const saved = await file.path();
    expect((await stat(saved)).size).toBeGreaterThan(100);
    expect((await readFile(saved)).readUInt32LE(0)).toBe(0x04034b50);
  }
});

test("an editor gets no access to the import, its routes or the export", async ({ page }) => {
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  await expect(page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Import och export" })).toHaveCount(0);
  const res = await page.goto("/admin/import");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har inte behörighet till den här sidan");
  const upload = await page.request.post("/admin/import/ladda-upp", { headers: { origin: BASE_URL }, multipart: { lage: "import", wxr: { name: "importby.xml", mimeType: "text/xml", buffer: Buffer.from(WXR) } }, maxRedirects: 0 });
  expect(upload.status()).toBe(403);
  expect((await page.request.get("/admin/import/jobb/00000000-0000-4000-8000-000000000000")).status()).toBe(403);
  const exported = await page.request.post("/admin/import/export", { headers: { origin: BASE_URL }, form: { format: "json", organisationId: "" }, maxRedirects: 0 });
  expect(exported.status()).toBe(403);
});
