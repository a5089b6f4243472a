/** Debian's Chromium through playwright-core, with the flags this closed network needs. */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { nextTotpCode, totpSecrets } from '../../deploy/local/apps/keycloak-admin.ts';

/**
 * Every page of these tests asks for reduced motion, which the portal's theme honours: dialogs,
 * menus and lists appear at once instead of zooming or sliding in, so a click never lands on
 * something still moving (or on the mask of a dialog still opening).
 */
const testContextDefaults = { reducedMotion: 'reduce' } as const;

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.PAR_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options) => newContext({ ...testContextDefaults, ...options });
  browser.newPage = (options) => newPage({ ...testContextDefaults, ...options });
  return browser;
}

/**
 * Logs in on Keycloak's own login page, as a person would; an admin made by the test helpers
 * also types the current code of their authenticator (the realm requires TOTP of admins), a
 * fresh one each login.
 */
export async function loginThroughKeycloak(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await page.waitForSelector('#username', { timeout: 30_000 });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  if (!totpSecrets.has(username)) return;
  // Keycloak asks an admin for the code, unless the run dir's realm predates that flow (a realm
  // is imported once): then say how to re-import it rather than time out.
  const asked = await Promise.race([
    page.waitForSelector('#otp', { timeout: 30_000 }).then(
      () => true,
      () => false,
    ),
    page
      .waitForURL((url) => !url.pathname.includes('/realms/'), { timeout: 30_000 })
      .then(
        () => false,
        () => false,
      ),
  ]);
  if (!asked)
    throw new Error(
      `Keycloak did not ask admin ${username} for a TOTP code: this run dir's realm predates ` +
        'deploy/keycloak/par-portal-realm.json; re-import it with ' +
        '`stack.sh stop keycloak && rm -rf $PAR_RUN_DIR/data/keycloak`',
    );
  await page.fill('#otp', (await nextTotpCode(username))!);
  await page.click('#kc-login');
}

/**
 * A new account's first login after `loginThroughKeycloak`: Keycloak asks for a new password,
 * and nothing else (the profile has no required fields), then the portal opens.
 */
export async function completeFirstLogin(
  page: Page,
  newPassword: string,
  portalUrl: string,
): Promise<void> {
  await page.waitForSelector('#password-new', { timeout: 30_000 });
  await page.fill('#password-new', newPassword);
  await page.fill('#password-confirm', newPassword);
  const portal = new URL(portalUrl).origin;
  await Promise.all([
    page.waitForURL((url) => url.origin === portal, { timeout: 30_000 }),
    page.click('[type=submit]'),
  ]);
}

/** The text an Ant Design select shows as its value (tags too, for a multiple select). */
function chosenText(page: Page, selectId: string): Promise<string> {
  return selectById(page, selectId).innerText();
}

function selectById(page: Page, selectId: string): Locator {
  return page.locator('.ant-select', { has: page.locator(`#${selectId}`) });
}

/**
 * Picks an option of an Ant Design select by clicking it, and checks the select shows it: under
 * load a click can land while the list still moves, and then nothing, or a neighbour, is chosen.
 */
export async function chooseOption(page: Page, selectId: string, label: string): Promise<void> {
  await chooseOptionIn(page, selectById(page, selectId), [label]);
}

/**
 * The same for a select found another way (e.g. by test id), picking the option whose text
 * contains every one of `texts`.
 */
export async function chooseOptionIn(
  page: Page,
  select: Locator,
  texts: readonly string[],
): Promise<void> {
  const option = texts.reduce(
    (found, text) => found.filter({ hasText: text }),
    page.locator('.ant-select-dropdown:visible .ant-select-item-option'),
  );
  for (let attempt = 1; ; attempt++) {
    try {
      // A form that is still loading its options can redraw the select under the click.
      await select.click({ timeout: 5_000 });
      await option.first().click({ timeout: 3_000 });
      const shown = await select.innerText();
      if (texts.every((text) => shown.includes(text))) return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
    if (attempt === 3) throw new Error(`«${texts.join(' ')}» was not chosen`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Picks an option of a searchable select by typing it and pressing Enter, as a keyboard user
 * does; long lists render only a window of options, so clicking one may find nothing.
 */
export async function chooseBySearch(page: Page, selectId: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.locator(`#${selectId}`).click();
    await page.locator(`#${selectId}`).fill(text);
    await page.locator('.ant-select-item-option', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
    if ((await chosenText(page, selectId)).includes(text)) return;
    if (attempt === 3) throw new Error(`«${text}» was not chosen in #${selectId}`);
  }
}
