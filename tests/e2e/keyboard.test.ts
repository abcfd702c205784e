import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';
import { launchChromium, signIn } from './browser.ts';

/**
 * Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7): the phone's reporting flow and the committee's overview,
 * driven by nothing but page.keyboard after signing in, with the focus visible at every step. A control
 * drawn by a neighbour (a radio button hidden under its pill) shows its focus on what draws it.
 */
const phone = phoneOnOwnServer('bup@malbild.example');
const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';

interface Focused {
  tag: string;
  role: string | null;
  type: string | null;
  text: string;
  visible: boolean;
  checked: boolean;
  /** The names of the labelled sections it is in, innermost first. */
  inside: string[];
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const drawnBy = getComputedStyle(el).opacity === '0' || box.width <= 1 || box.height <= 1 ? el.nextElementSibling : el;
    const style = drawnBy ? getComputedStyle(drawnBy) : null;
    const visible = !!style && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    const label = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? (el.labels?.[0]?.textContent ?? '') : '';
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      type: el.getAttribute('type'),
      text: (el.getAttribute('aria-label') ?? (label || (el instanceof HTMLElement ? el.innerText : el.textContent) || el.id)).replace(/\s+/g, ' ').trim().slice(0, 80),
      visible,
      checked: el instanceof HTMLInputElement && el.checked,
      inside: [...document.querySelectorAll('[aria-labelledby]')].filter((s) => s.contains(el)).reverse().map((s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent?.trim() ?? ''),
    };
  });
}

/** Presses `key` and expects the focus to be somewhere, visibly. */
async function press(page: Page, key: string): Promise<Focused> {
  const before = await focused(page);
  await page.keyboard.press(key);
  const now = await focused(page);
  if (!now) throw new Error(`focus left the page after ${key} on ${before?.tag ?? 'the page'} "${before?.text ?? ''}"`);
  expect(now!.visible, `visible focus on ${now!.tag} "${now!.text}" after ${key}`).toBe(true);
  return now!;
}

/** Tabs forward until `found` says this is the element, checking the focus is visible at every stop. */
async function tabTo(page: Page, found: (f: Focused) => boolean, what: string, most = 150): Promise<Focused> {
  const stops: string[] = [];
  for (let i = 0; i < most; i++) {
    const now = await press(page, 'Tab').catch((error: Error) => {
      throw new Error(`${error.message}, on the way to ${what} past ${stops.join(', ')}`);
    });
    if (found(now)) return now;
    stops.push(`${now.tag} "${now.text}"`);
  }
  throw new Error(`Tab never reached ${what}; it stopped at ${stops.join(', ')}`);
}

const mainFocused = (page: Page) => page.evaluate(() => document.activeElement?.id === 'main');

describe('the phone’s reporting flow, keyboard only', () => {
  it('opens an activity’s form, sets Försenad, writes a comment and saves it on the device', async () => {
    const page = phone.page;
    await page.getByRole('heading', { level: 2, name: /^Mina aktiviteter \(\d+\)/ }).waitFor({ timeout: 20_000 });
    // A fresh load, so the first Tab starts at the top of the page.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^Mina aktiviteter \(\d+\)/ }).waitFor({ timeout: 20_000 });

    // The skip link comes first and leads past the header.
    const skip = await press(page, 'Tab');
    expect(skip.text).toBe('Hoppa till innehållet');
    await press(page, 'Enter');
    expect(await mainFocused(page)).toBe(true);

    const article = page.getByRole('article').filter({ has: page.getByRole('heading', { name: ACTIVITY }) });
    // Tab to this activity's "Rapportera status", past the others'.
    for (let stop = 0; ; stop++) {
      const now = await tabTo(page, (f) => f.tag === 'summary' && f.text === 'Rapportera status', 'Rapportera status');
      const inArticle = await article.evaluate((el) => el.contains(document.activeElement));
      if (inArticle) break;
      expect(stop, 'reached the activity').toBeLessThan(60);
      expect(now.tag).toBe('summary');
    }
    await press(page, 'Enter');
    await article.getByLabel('Kommentar').waitFor();

    // Into the status radio group, then along it with the arrow keys to Försenad.
    let radio = await tabTo(page, (f) => f.type === 'radio', 'the statuses');
    for (let i = 0; i < 6 && radio.text !== 'Försenad'; i++) radio = await press(page, 'ArrowRight');
    expect(radio).toMatchObject({ text: 'Försenad', checked: true });

    await tabTo(page, (f) => f.tag === 'textarea', 'Kommentar');
    await page.keyboard.type('Väntar på lokaler, inskrivet med tangentbordet.');
    const save = await tabTo(page, (f) => f.tag === 'button' && f.text === 'Spara', 'Spara');
    expect(save.text).toBe('Spara');
    await page.keyboard.press('Enter');
    await article.getByRole('status').filter({ hasText: 'Sparat på enheten.' }).waitFor();

    // The focus stays in the form it was in, where the person can go on; it is not dropped on the page.
    const after = await focused(page);
    expect(after, 'focus after saving').not.toBeNull();
    expect(after!.visible, `visible focus on ${after!.tag} "${after!.text}" after saving`).toBe(true);
    expect(await article.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });

  it('opens the activity’s own screen with Enter, focus on its content', async () => {
    const page = phone.page;
    const article = page.getByRole('article').filter({ has: page.getByRole('heading', { name: ACTIVITY }) });
    await article.getByRole('link', { name: new RegExp(ACTIVITY) }).focus();
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(ACTIVITY) }).waitFor();
    expect(await mainFocused(page)).toBe(true);
    expect((await focused(page))!.visible).toBe(true);
    await tabTo(page, (f) => f.tag === 'textarea', 'Kommentar on the activity’s screen');
  });
});

describe('the committee’s overview, keyboard only', () => {
  const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, locale: 'sv-SE' };
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await browser.newContext({ ...TABLET, baseURL: phone.server.baseURL })).newPage();
    await signIn(page, 'namnd@malbild.example');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches the overview from the menu, opens a key figure and comes back, and changes period', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor({ timeout: 20_000 });
    // A reader starts on the overview; the keyboard pass starts from another screen, so the menu has somewhere to go.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    await page.waitForURL(/\/mal$/);
    await page.reload();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.tag === 'a' && f.text.includes('Översikt'), 'Översikt in the menu', 400);
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: /Översikt/ }).waitFor();
    expect(await mainFocused(page)).toBe(true);

    // The plan at a glance opens a perspective with Enter on its button.
    await page.getByRole('region', { name: 'Planen i korthet' }).getByRole('button').first().waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.tag === 'button' && f.inside.includes('Planen i korthet'), 'a perspective of the plan', 400);
    await press(page, 'Enter');
    const figure = await tabTo(page, (f) => f.tag === 'a' && f.inside.includes('Nyckeltal'), 'a key figure', 400);
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: figure.text }).waitFor();
    expect(await mainFocused(page)).toBe(true);
    await tabTo(page, (f) => f.tag === 'a' && f.text === '← Översikt', 'the way back', 40);
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: /Översikt/ }).waitFor();
    expect(await mainFocused(page)).toBe(true);

    // The period is a select in the closed filter: Enter opens it, the arrow keys change the period, and the focus stays on it, visibly.
    await tabTo(page, (f) => f.tag === 'summary' && f.text.startsWith('Filter och sök'), 'the filter');
    await press(page, 'Enter');
    await tabTo(page, (f) => f.tag === 'select' && f.text.startsWith('Period'), 'Period');
    const before = new URL(page.url()).searchParams.get('period');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).not.toBe(before);
    const after = await focused(page);
    expect(after).toMatchObject({ tag: 'select', visible: true });
  });
});
