import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn } from "../support";

// The story editor as the tests use it: its fields, its buttons and the few things every test
// does (write a story, save it, publish it), so a change of a label is mended in one place.

export class StoryEditorPage {
  constructor(readonly page: Page) {}

  /** A signed-in staff member's own browser (a context of its own, Swedish locale and time). */
  static async signedIn(browser: Browser, account: { email: string; password: string }, viewport?: { width: number; height: number }): Promise<StoryEditorPage> {
    const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", ...(viewport ? { viewport } : {}) });
    const page = await context.newPage();
    await signIn(page, account.email, account.password);
    return new StoryEditorPage(page);
  }

  get title(): Locator {
    return this.page.getByRole("textbox", { name: /^Rubrik/ });
  }
  get slug(): Locator {
    return this.page.getByLabel("Adress (slug)");
  }
  get lead(): Locator {
    return this.page.getByLabel("Ingress");
  }
  get body(): Locator {
    return this.page.getByRole("textbox", { name: "Brödtext" });
  }
  get metaDescription(): Locator {
    return this.page.getByLabel("Metabeskrivning (för sökmotorer)");
  }
  get saveButton(): Locator {
    return this.page.getByRole("button", { name: /^Spara( och publicera ändringarna)?$/ });
  }
  get previewLink(): Locator {
    return this.page.getByRole("link", { name: "Förhandsvisa" });
  }
  get mediaLibrary(): Locator {
    return this.page.getByRole("dialog", { name: "Välj en bild" });
  }
  /** The editor's polite status line ("Sparar …", "Artikeln är sparad.", "Osparade ändringar."). */
  get status(): Locator {
    return this.page.locator('p[aria-live="polite"]').first();
  }
  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", typeof name === "string" ? { name, exact: true } : { name });
  }

  async openNew(): Promise<void> {
    await this.page.goto("/admin/artiklar/ny");
  }

  /** Types at the end of the body. */
  async typeInBody(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.type(text);
  }

  /** Saves and waits for the editor to say so (a published story's changes go live with it). */
  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.page.getByText(/^(Artikeln är sparad|Ändringarna är publicerade)/)).toBeVisible();
  }

  /** A new story with title, lead and, if given, a line of body text, saved once (no reload after). */
  async writeNew(story: { title: string; lead: string; body?: string }): Promise<string> {
    await this.openNew();
    await this.title.fill(story.title);
    await this.lead.fill(story.lead);
    if (story.body) await this.typeInBody(story.body);
    await this.save();
    await expect(this.page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname;
  }

  async publishNow(): Promise<void> {
    await this.button("Publicera nu").click();
    await expect(this.page.getByText("Artikeln är publicerad.")).toBeVisible();
  }

  /** The story's public address, from its slug field. */
  async publicPath(): Promise<string> {
    return `/nyheter/${await this.slug.inputValue()}`;
  }
}
