import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { expectNoAxeViolations, signIn } from "./support";
import { TEST_ADMIN, TEST_EDITOR, TEST_WRITER } from "./test-accounts";

// Readers' comments (issue 11, decision 019): a reader comments on a story, an editor of the
// story's organisation approves it in the queue while an editor of another organisation can
// neither see nor approve it, and it then shows on the story with its count. The spam traps
// refuse a bot-like submission in Swedish, and no error loses a typed word.
//
// The demo stories are years old, so commenting on them has closed by itself
// (COMMENTS_CLOSE_AFTER_DAYS): this spec publishes stories of its own and removes them after.

// One worker, in order: the tests share the stories, and one closes commenting for a moment.
test.describe.configure({ mode: "serial" });

const RUN = randomUUID().slice(0, 8);
const OTHER_EDITOR = { email: `redaktor-stenungsund-${RUN}@test.local`, name: "Test Redaktör Stenungsund", password: "test-stenungsund-losenord-2026" };
const LERUM_STORY = { slug: `kommentarer-i-lerum-${RUN}`, title: `Lerum öppnar ett företagscentrum för kommentarer ${RUN}` };
const STENUNGSUND_STORY = { slug: `kommentarer-i-stenungsund-${RUN}`, title: "Stenungsund bjuder in till företagsfrukost" };
const ARGON2ID = 2;

const dbUrl = () => readFileSync(".data/e2e-db-url", "utf8").trim();

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function publishStory(client: pg.Client, story: { slug: string; title: string }, organisation: string): Promise<string> {
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "En nyhet som läsarna får kommentera." }] }] };
  const { rows } = await client.query<{ id: string }>(
    "INSERT INTO story (kind, title, slug, lead, body, status, published_at) VALUES ('NEWS', $1, $2, 'En ingress om nyheten.', $3, 'PUBLISHED', now() - interval '1 hour') RETURNING id",
    [story.title, story.slug, JSON.stringify(body)],
  );
  await client.query("INSERT INTO story_organisation (story_id, organisation_id) SELECT $1, id FROM organisation WHERE slug = $2", [rows[0]!.id, organisation]);
  return rows[0]!.id;
}

test.beforeAll(async () => {
  await withDb(async (client) => {
    await publishStory(client, LERUM_STORY, "lerum");
    const stenungsund = await publishStory(client, STENUNGSUND_STORY, "stenungsund");
    // A comment waiting on Stenungsund's story: the other editor's own queue has something to act on.
    await client.query("INSERT INTO comment (story_id, author_name, author_email, body, ip_hash) VALUES ($1, 'Stina Läsare', 'stina@example.se', 'Hur anmäler man sig till frukosten?', 'e2e')", [stenungsund]);
    const id = `e2e-${RUN}`;
    await client.query("INSERT INTO \"user\" (id, name, email, email_verified, role) VALUES ($1, $2, $3, true, 'EDITOR')", [id, OTHER_EDITOR.name, OTHER_EDITOR.email]);
    await client.query("INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $1, 'credential', $1, $2)", [id, await hash(OTHER_EDITOR.password, { algorithm: ARGON2ID })]);
    await client.query("INSERT INTO user_organisation (user_id, organisation_id) SELECT $1, id FROM organisation WHERE slug = 'stenungsund'", [id]);
  });
});

test.afterAll(async () => {
  await withDb(async (client) => {
    await client.query("DELETE FROM story WHERE slug = ANY($1)", [[LERUM_STORY.slug, STENUNGSUND_STORY.slug]]);
    await client.query("DELETE FROM \"user\" WHERE email = $1", [OTHER_EDITOR.email]);
  });
});

const storyUrl = (s: { slug: string }) => `/nyheter/${s.slug}`;
const commentForm = (page: Page) => page.getByRole("form", { name: "Skriv en kommentar" });
const unique = (text: string) => `${text} (${randomUUID().slice(0, 6)})`;

type Typed = { name: string; email: string; body: string };

/** Types a comment as a person does; the signed token arrives when the form is first focused. */
async function typeComment(form: Locator, c: Typed) {
  await form.getByLabel("Namn").fill(c.name);
  await expect(form.locator('input[name="formToken"]')).not.toHaveValue("");
  await form.getByLabel("E-postadress").fill(c.email);
  await form.getByLabel("Kommentar", { exact: false }).fill(c.body);
  await form.getByLabel("Jag har läst hur mina uppgifter hanteras.").check();
}

/** The minimum fill time (3 s) is real here too: a person takes at least that long. */
const likeAPerson = (page: Page) => page.waitForTimeout(3_500);

async function expectKept(form: Locator, c: Typed) {
  await expect(form.getByLabel("Namn")).toHaveValue(c.name);
  await expect(form.getByLabel("E-postadress")).toHaveValue(c.email);
  await expect(form.getByLabel("Kommentar", { exact: false })).toHaveValue(c.body);
}

async function signedIn(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account.email, account.password);
  return page;
}

const queueItem = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });

test("a reader's comment waits, an editor of another organisation can neither see nor approve it, Lerum's editor approves it and it shows with its count", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const comment = { name: "Lars Läsare", email: `lars-${RUN}@example.se`, body: unique("Bra initiativ! Mer om centrumet finns på https://example.se/centrum") };
  await page.goto(storyUrl(LERUM_STORY));
  await expect(page.getByRole("heading", { name: "Inga kommentarer än" })).toBeVisible();
  const form = commentForm(page);
  await expect(form.getByText("Rättslig grund")).toBeVisible();
  await expect(form.getByRole("link", { name: "Så hanterar vi personuppgifter" })).toHaveAttribute("href", "/integritet");
  await typeComment(form, comment);
  await likeAPerson(page);
  await form.getByRole("button", { name: "Skicka kommentaren" }).click();
  await expect(form.getByRole("status")).toContainText("Tack! Kommentaren väntar på granskning");
  await expect(form.getByLabel("Kommentar", { exact: false })).toHaveValue("");
  // Waiting comments are not on the page.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Inga kommentarer än" })).toBeVisible();
  await expect(page.getByText(comment.body)).toHaveCount(0);

  // Stenungsund's editor: the queue has their own story's comment, not Lerum's.
  const other = await signedIn(browser, OTHER_EDITOR);
  await other.goto("/admin/kommentarer");
  await expect(queueItem(other, "Hur anmäler man sig till frukosten?")).toBeVisible();
  await expect(other.getByText(comment.body)).toHaveCount(0);
  // A direct attempt: their own row's form, aimed at Lerum's comment, is refused by the server.
  const commentId = await withDb(async (c) => (await c.query<{ id: string }>("SELECT id FROM comment WHERE body = $1", [comment.body])).rows[0]!.id);
  const own = queueItem(other, "Hur anmäler man sig till frukosten?");
  await own.locator('form:has(button:text("Godkänn")) input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), commentId);
  await own.getByRole("button", { name: "Godkänn" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toHaveText("Du har inte behörighet att göra det här.");
  expect(await withDb(async (c) => (await c.query<{ status: string }>("SELECT status FROM comment WHERE id = $1", [commentId])).rows[0]!.status)).toBe("PENDING");

  // Lerum's editor sees it, with the address, and approves it.
  const editor = await signedIn(browser, TEST_EDITOR);
  await editor.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Kommentarer" }).click();
  const row = queueItem(editor, comment.body);
  await expect(row).toContainText(comment.email);
  await expect(row.getByRole("link", { name: LERUM_STORY.title })).toHaveAttribute("href", storyUrl(LERUM_STORY));
  await expect(editor.getByText("Hur anmäler man sig till frukosten?")).toHaveCount(0);
  await row.getByRole("button", { name: "Godkänn" }).click();
  await expect(editor.getByRole("main").getByRole("status").first()).toHaveText("Kommentaren är godkänd och visas på artikeln.");
  await expect(editor.getByRole("region", { name: /Väntar på granskning/ }).getByText(comment.body)).toHaveCount(0);

  // The organisation replies, shown as the organisation.
  const published = editor.getByRole("region", { name: "Senast publicerade" });
  const publishedRow = queueItem(editor, comment.body).filter({ has: editor.getByRole("button", { name: "Avpublicera" }) });
  await expect(published.getByText(comment.body)).toBeVisible();
  await publishedRow.locator("summary").click();
  await publishedRow.getByLabel("Svar från Lerums kommun").fill("Tack! Centrumet öppnar i mars.");
  await publishedRow.getByRole("button", { name: "Svara som Lerums kommun" }).click();
  await expect(editor.getByRole("main").getByRole("status").first()).toHaveText("Svaret är sparat.");

  await page.reload();
  await expect(page.getByRole("heading", { name: "1 kommentar", exact: true })).toBeVisible();
  const shown = page.getByRole("region", { name: "1 kommentar" }).getByRole("listitem");
  await expect(shown).toContainText(comment.name);
  await expect(shown).toContainText(comment.body);
  await expect(shown.locator("time")).toHaveCount(2);
  await expect(shown).toContainText("Svar från Lerums kommun");
  await expect(shown).toContainText("Tack! Centrumet öppnar i mars.");
  // The address in the comment is text, not a link, and the e-mail address is nowhere.
  await expect(shown.getByRole("link")).toHaveCount(0);
  await expect(page.getByText(comment.email)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the spam traps refuse a bot-like submission in Swedish and keep the text", async ({ page }) => {
  // On a 320 px phone, where the form (and its hidden honeypot) must not scroll sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(storyUrl(LERUM_STORY));
  const form = commentForm(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  // Too fast: sent the moment the form is filled in.
  const fast = { name: "Snabb Robot", email: `robot-${RUN}@example.se`, body: unique("Köp billiga klockor") };
  await typeComment(form, fast);
  await form.getByRole("button", { name: "Skicka kommentaren" }).click();
  await expect(form.getByRole("alert")).toContainText("liknar automatiska inlägg");
  await expectKept(form, fast);
  // The honeypot, which only a bot fills in, after a person's fill time.
  await form.locator('input[name="website"]').evaluate((el) => ((el as HTMLInputElement).value = "https://spam.example"));
  await likeAPerson(page);
  await form.getByRole("button", { name: "Skicka kommentaren" }).click();
  await expect(form.getByRole("alert")).toContainText("liknar automatiska inlägg");
  await expectKept(form, fast);
  expect(await withDb(async (c) => (await c.query("SELECT 1 FROM comment WHERE body = $1", [fast.body])).rowCount)).toBe(0);
});

test("a validation error keeps every typed word, and the form works by keyboard alone", async ({ page }) => {
  await page.goto(storyUrl(LERUM_STORY));
  const form = commentForm(page);
  const typed = { name: "Karin Tangentbord", email: "karin@", body: unique("Kommer det finnas parkering vid centrumet?") };
  await form.getByLabel("Namn").focus();
  await page.keyboard.type(typed.name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(typed.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(typed.body);
  // On to the consent box (past the privacy notice's links) and the button.
  const consent = form.getByLabel("Jag har läst hur mina uppgifter hanteras.");
  for (let i = 0; i < 10 && !(await consent.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(consent).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Skicka kommentaren" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByRole("alert")).toContainText("Rätta fälten");
  await expect(form.getByText("Skriv en giltig e-postadress, till exempel namn@exempel.se.")).toBeVisible();
  await expect(form.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("E-postadress")).toBeFocused();
  await expectKept(form, typed);
  await expect(consent).toBeChecked();
  await expectNoAxeViolations(page);
  // Fixed and sent again, still without a mouse.
  await form.getByLabel("E-postadress").fill(`karin-${RUN}@example.se`);
  await likeAPerson(page);
  await form.getByLabel("E-postadress").press("Enter");
  await expect(form.getByRole("status")).toContainText("Tack! Kommentaren väntar på granskning");
});

test("without JavaScript the form still works: the first send renews the form and keeps the text, the second is received", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(storyUrl(LERUM_STORY));
  const form = commentForm(page);
  const typed = { name: "Nils Utanskript", email: `nils-${RUN}@example.se`, body: unique("Fungerar kommentarerna utan JavaScript?") };
  await form.getByLabel("Namn").fill(typed.name);
  await form.getByLabel("E-postadress").fill(typed.email);
  await form.getByLabel("Kommentar", { exact: false }).fill(typed.body);
  await form.getByLabel("Jag har läst hur mina uppgifter hanteras.").check();
  // No script asked for the fill-time token: the answer brings one, and every typed word.
  await expect(form.locator('input[name="formToken"]')).toHaveValue("");
  await form.getByRole("button", { name: "Skicka kommentaren" }).click();
  await expect(form.getByRole("alert")).toContainText("Formuläret behövde förnyas");
  await expectKept(form, typed);
  await expect(form.locator('input[name="formToken"]')).not.toHaveValue("");
  await likeAPerson(page);
  await form.getByRole("button", { name: "Skicka kommentaren" }).click();
  await expect(form.getByRole("status")).toContainText("Tack! Kommentaren väntar på granskning");
  expect(await withDb(async (c) => (await c.query("SELECT status FROM comment WHERE body = $1", [typed.body])).rows)).toEqual([{ status: "PENDING" }]);
  await context.close();
});

test("a writer cannot open the moderation queue; the queue passes axe", async ({ page, browser }) => {
  const admin = await signedIn(browser, TEST_ADMIN);
  expect((await admin.goto("/admin/kommentarer"))?.status()).toBe(200);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Kommentarer");
  await expect(queueItem(admin, "Hur anmäler man sig till frukosten?")).toBeVisible();
  await expectNoAxeViolations(admin);
  await signIn(page, TEST_WRITER.email, TEST_WRITER.password);
  expect((await page.goto("/admin/kommentarer"))?.status()).toBe(403);
  await expect(page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Kommentarer" })).toHaveCount(0);
});

test("an editor closes commenting on a story in the queue and the story says so", async ({ page, browser }) => {
  const editor = await signedIn(browser, TEST_EDITOR);
  await editor.goto("/admin/kommentarer");
  const row = editor.getByRole("row").filter({ hasText: LERUM_STORY.title });
  await row.getByRole("button", { name: /Stäng kommentarerna/ }).click();
  await expect(editor.getByRole("main").getByRole("status").first()).toHaveText("Kommentarerna är stängda.");
  await expect(row).toContainText("Stängda");
  try {
    await page.goto(storyUrl(LERUM_STORY));
    await expect(page.getByText("Kommentarerna är stängda.")).toBeVisible();
    await expect(commentForm(page)).toHaveCount(0);
  } finally {
    await row.getByRole("button", { name: /Öppna kommentarerna/ }).click();
    await expect(editor.getByRole("main").getByRole("status").first()).toHaveText("Kommentarerna är öppna.");
  }
  await page.reload();
  await expect(commentForm(page)).toBeVisible();
});

test("an administrator finds, exports and erases one reader's data; the page passes axe", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `lars-${RUN}@example.se`;
  const editor = await signedIn(browser, TEST_EDITOR);
  expect((await editor.goto("/admin/personuppgifter"))?.status()).toBe(403);

  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Personuppgifter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personuppgifter");
  await expectNoAxeViolations(page);
  await page.getByLabel("Läsarens e-postadress").fill("inte-en-adress");
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByText("Skriv en giltig e-postadress, till exempel namn@exempel.se.")).toBeVisible();
  await expect(page.getByLabel("Läsarens e-postadress")).toHaveValue("inte-en-adress");

  await page.getByLabel("Läsarens e-postadress").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Sök" }).click();
  const found = page.getByRole("region", { name: `Uppgifter om ${email}` });
  await expect(found.getByRole("row", { name: "Kommentarer 1" })).toBeVisible();
  await expect(found.getByRole("row", { name: "E-postbevakningar 0" })).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), found.getByRole("button", { name: "Ladda ned som JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^personuppgifter-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as { email: string; sources: { comments: { email: string; story: { slug: string } }[]; alerts: unknown[] } };
  expect(exported.email).toBe(email);
  expect(exported.sources.comments.map((c) => [c.email, c.story.slug])).toEqual([[email, LERUM_STORY.slug]]);
  expect(exported.sources.alerts).toEqual([]);

  await found.getByRole("button", { name: "Radera uppgifterna …" }).click();
  const confirm = page.getByRole("form", { name: `Radera alla uppgifter om ${email}?` });
  await expect(confirm).toContainText("Anonym");
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Ja, radera" }).click();
  await expect(page.getByText("1 post är raderad eller anonymiserad.")).toBeVisible();
  await expect(found.getByRole("row", { name: "Kommentarer 0" })).toBeVisible();
  expect(await withDb(async (c) => (await c.query("SELECT 1 FROM audit_log WHERE action IN ('personaldata.export', 'personaldata.erase') AND entity_id = $1", [email])).rowCount)).toBe(2);

  // The published comment stays on its story, without the reader's name.
  await page.goto(storyUrl(LERUM_STORY));
  const shown = page.getByRole("region", { name: "1 kommentar" }).getByRole("listitem");
  await expect(shown).toContainText("Anonym");
  await expect(shown).not.toContainText("Lars Läsare");
});

test("/integritet explains comments and e-mail alerts, is linked from the footer, and passes axe", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Så hanterar vi personuppgifter" }).click();
  await expect(page).toHaveURL(/\/integritet$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Så hanterar vi personuppgifter");
  for (const heading of ["Kommentarer på artiklar", "E-postbevakningar", "Dina rättigheter"]) await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  await expect(page.getByText("30 dagar", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "imy.se" })).toHaveAttribute("href", "https://www.imy.se/");
  await expectNoAxeViolations(page);
});
