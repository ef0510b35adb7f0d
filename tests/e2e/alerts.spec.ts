import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { headerOf, mailsTo, waitForMail } from "./mailbox";
import { StoryEditorPage } from "./pages/story-editor";
import { expectNoAxeViolations } from "./support";
import { TEST_EDITOR } from "./test-accounts";

// E-mail alerts for readers (decision 020), with the test site's real SMTP server: a reader
// subscribes to Lerum on its page by keyboard, confirms by the mailed link, gets the alert after
// an editor publishes, and leaves with the mail's one-click unsubscribe (RFC 8058). A second
// reader takes the daily digest, which carries the same story once a day has passed.

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const READER = `lasare-${stamp}@foretaget.test`;
const DIGEST_READER = `dagligen-${stamp}@foretaget.test`;
const TITLE = `Lerum öppnar ett nytt företagscentrum ${stamp}`;
let manageUrl = "";
let unsubscribeUrl = "";

const signupForm = (page: import("@playwright/test").Page) => page.getByRole("form", { name: "Bevaka Lerums kommun via e-post" });

test("a bad address keeps what was typed and says what is wrong, in Swedish", async ({ page }) => {
  await page.goto("/kommuner/lerum");
  const form = signupForm(page);
  await form.getByLabel("E-postadress").fill("anna.foretaget.se");
  await form.getByRole("radio", { name: "Veckovis" }).check();
  // The page carries no React runtime; public/js/site.js sends the form in the background and
  // puts the answered form in its place, so this page (and the mark on it) stays.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await form.getByRole("button", { name: "Bevaka" }).click();
  await expect(form.getByText("Skriv en e-postadress som namn@exempel.se.")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(form.getByLabel("E-postadress")).toBeFocused();
  await expect(form.getByLabel("E-postadress")).toHaveValue("anna.foretaget.se");
  await expect(form.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("radio", { name: "Veckovis" })).toBeChecked();
  await expectNoAxeViolations(page);
});

test("a reader subscribes to a municipality by keyboard and confirms by the mailed link", async ({ page }) => {
  await page.goto("/kommuner/lerum");
  const form = signupForm(page);
  await form.getByLabel("E-postadress").focus();
  await page.keyboard.type(READER);
  // Tab reaches the checked choice (Dagligen); the arrow moves to Direkt, as radio groups do.
  await page.keyboard.press("Tab");
  await expect(form.getByRole("radio", { name: "Dagligen" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(form.getByRole("radio", { name: "Direkt" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Bevaka" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Kolla din e-post: vi har skickat en länk för att bekräfta.");
  await expectNoAxeViolations(page);

  const mail = await waitForMail(READER, (m) => m.subject === "Bekräfta din bevakning av Lerums kommun");
  expect(mail.text).toContain("så fort något publiceras");
  const link = /https?:\/\/\S+\/bevakning\/bekrafta\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
  // Opening the link (as a mail system's link scanner would) confirms nothing.
  await page.goto(new URL(link).pathname);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Bekräfta bevakningen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Bekräfta bevakningen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du bevakar nu Lerums kommun." })).toBeVisible();
  await expectNoAxeViolations(page);
  // The link works once.
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Länken fungerar inte längre." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Börja bevaka igen" })).toHaveAttribute("href", "/bevakning");
});

test("a second reader takes the daily digest of Lerum, the form's default, and confirms", async ({ page }) => {
  await page.goto("/kommuner/lerum");
  const form = signupForm(page);
  await expect(form.getByRole("radio", { name: "Dagligen" })).toBeChecked();
  await form.getByLabel("E-postadress").fill(DIGEST_READER);
  await form.getByRole("button", { name: "Bevaka" }).click();
  await expect(form.getByRole("status")).toHaveText("Kolla din e-post: vi har skickat en länk för att bekräfta.");
  const mail = await waitForMail(DIGEST_READER, (m) => m.subject === "Bekräfta din bevakning av Lerums kommun");
  const link = /https?:\/\/\S+\/bevakning\/bekrafta\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: "Bekräfta bevakningen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du bevakar nu Lerums kommun." })).toBeVisible();
});

test("after an editor publishes a story about Lerum, the reader gets it by mail", async ({ browser }) => {
  test.setTimeout(60_000);
  const editor = await StoryEditorPage.signedIn(browser, TEST_EDITOR);
  await editor.writeNew({ title: TITLE, lead: "Kommunen samlar rådgivning, lokaler och nätverk för nya företag under ett tak.", body: "Centrumet öppnar i vår." });
  await editor.publishNow();
  const path = await editor.publicPath();
  await editor.page.context().close();

  const mail = await waitForMail(READER, (m) => m.subject === TITLE, 30_000);
  expect(mail.text).toContain(path);
  expect(mail.head).not.toMatch(/text\/html/i);
  expect(headerOf(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  unsubscribeUrl = /^<([^>]+)>$/.exec(headerOf(mail, "List-Unsubscribe") ?? "")?.[1] ?? "";
  expect(unsubscribeUrl).toMatch(/\/api\/bevakning\/avsluta\/[A-Za-z0-9_-]{43}\/[0-9a-f-]{36}$/);
  manageUrl = /https?:\/\/\S+\/bevakning\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];

  // The daily reader gets no mail of the story by itself. A day passes for their subscription (its
  // last digest is moved back 25 hours: the scheduler's next tick finds it due), and the digest
  // arrives with the story in it, by the same SMTP server.
  expect((await mailsTo(DIGEST_READER)).map((m) => m.subject)).not.toContain(TITLE);
  await dayPassesFor(DIGEST_READER);
  const digest = await waitForMail(DIGEST_READER, (m) => m.subject === "Dagens nyheter om Lerums kommun", 30_000);
  expect(digest.text).toContain(TITLE);
  expect(digest.text).toContain(path);
  expect(headerOf(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
});

/** Moves the reader's last digest a day and an hour back, as if a day had passed since it. */
async function dayPassesFor(address: string): Promise<void> {
  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE alert_subscription SET last_sent_at = now() - interval '25 hours'
       WHERE frequency = 'DAILY' AND confirmed_at IS NOT NULL AND subscriber_id = (SELECT id FROM alert_subscriber WHERE email = $1)`,
      [address],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

test("the manage page lists the subscription, and the mail's one-click unsubscribe ends it", async ({ page, request }) => {
  await page.goto(new URL(manageUrl).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Mina bevakningar" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Lerums kommun" })).toBeVisible();
  await expect(page.getByText("Skickas: direkt")).toBeVisible();
  await expectNoAxeViolations(page);
  // Changing how often, by keyboard.
  await page.getByRole("combobox", { name: "Hur ofta" }).selectOption("WEEKLY");
  await page.getByRole("button", { name: "Spara hur ofta: Lerums kommun" }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Ändringen är sparad." })).toBeVisible();
  await expect(page.getByText("Skickas: veckovis")).toBeVisible();

  // What a mail client does with List-Unsubscribe-Post (RFC 8058): no cookie, no confirmation.
  const res = await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(res.status()).toBe(200);
  await page.reload();
  await expect(page.getByText("Du har inga bevakningar.")).toBeVisible();
  await expectNoAxeViolations(page);
  // Again is harmless; a GET of the address goes to the manage page.
  expect((await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);
  const get = await request.get(unsubscribeUrl, { maxRedirects: 0 });
  expect(get.status()).toBe(303);
  expect(get.headers()["location"]).toBe(new URL(manageUrl).pathname);
});

test("/bevakning explains alerts and subscribes to the whole site, and passes axe", async ({ page }) => {
  await page.goto("/bevakning");
  await expect(page.getByRole("heading", { level: 1, name: "Bevaka via e-post" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Integritet" })).toHaveAttribute("href", "/integritet");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoAxeViolations(page);
  await page.getByLabel("E-postadress").fill(`allt-${stamp}@foretaget.test`);
  await page.getByRole("button", { name: "Bevaka" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kolla din e-post: vi har skickat en länk för att bekräfta." })).toBeVisible();
  await waitForMail(`allt-${stamp}@foretaget.test`, (m) => m.subject === "Bekräfta din bevakning av allt på Näringslivsnytt");
});

test("bad tokens are a message or a 404, never a 500, and no alert page is stored by anyone", async ({ request }) => {
  const confirm = await request.get("/bevakning/bekrafta/inte-en-riktig-token");
  expect(confirm.status()).toBe(200);
  expect(await confirm.text()).toContain("Länken fungerar inte längre.");
  expect((await request.get("/bevakning/inte-en-riktig-token")).status()).toBe(404);
  expect((await request.get(`/bevakning/${"x".repeat(43)}`)).status()).toBe(404);
  expect((await request.get("/bevakning/%E2%82")).status()).toBe(404);
  expect((await request.post(`/api/bevakning/avsluta/${"x".repeat(43)}/inte-ett-id`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
  expect((await request.get("/api/bevakning/avsluta/fel/fel", { maxRedirects: 0 })).status()).toBe(404);
  for (const path of ["/bevakning", "/bevakning/bekrafta/inte-en-riktig-token", manageUrl ? new URL(manageUrl).pathname : "/bevakning/x"]) {
    const res = await request.get(path);
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
    expect(res.headers()["x-nextjs-cache"], path).toBeUndefined();
    expect(res.headers()["content-security-policy"], path).toMatch(/'nonce-[^']+'/);
  }
});
