/**
 * The portal under its Content-Security-Policy, in Chromium: every role logs in through
 * Keycloak and opens its area, and the browser reports no violation (neither on the console nor
 * as a securitypolicyviolation event), so no inline script or foreign origin is left.
 */
import type { Browser, Page } from 'playwright-core';
import { frontendApps, startApps, stopApps, type RunningApp } from '../../deploy/local/apps/apps';
import type { UserOptions } from '../../deploy/local/apps/keycloak-admin';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { createUser, deleteUser, type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

/** Each role, the page it opens and a text that shows the page (and its remote) has loaded. */
const visits: Array<{ role: string; user: UserOptions; path: string; shows: string }> = [
  {
    role: 'admin',
    user: { roles: ['admin'], unit: 'SNV' },
    path: '/admin/units',
    shows: '[data-testid="units-table"]',
  },
  {
    role: 'data-entry',
    user: { roles: ['data-entry'], unit: 'STP' },
    path: '/self-assessment',
    shows: 'text=Chưa có đợt đánh giá nào đang mở.',
  },
  {
    role: 'unit-approver',
    user: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: 'STP' },
    path: '/self-assessment',
    shows: 'text=Chưa có đợt đánh giá nào đang mở.',
  },
  {
    role: 'appraisal',
    user: { roles: ['appraisal'], unit: 'STP' },
    path: '/appraisal',
    shows: 'text=Chưa có đợt đánh giá nào đang mở.',
  },
];

/** Records violations from the start of every document, before any of the portal's scripts. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI} (${event.sourceFile})`),
    );
  });
  return async () => [
    ...seen,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
  ];
}

describe('the portal under its Content-Security-Policy', () => {
  let apps: RunningApp[] = [];
  let browser: Browser;
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    // appraisal: the appraiser's area lists their periods from it.
    apps = await startApps(['gateway', 'accounts', 'assessment', 'appraisal', ...frontendApps]);
    browser = await launchChromium();
    for (const visit of visits) users.set(visit.role, await createUser(visit.user));
  });

  afterAll(async () => {
    await browser?.close();
    await stopApps(apps);
    await Promise.all([...users.values()].map(deleteUser));
  });

  it('sends a policy that allows scripts only from the portal and its remotes', async () => {
    const res = await fetch(`${shell()}/admin/units`);
    const policy = res.headers.get('content-security-policy') ?? '';
    const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1]?.split(' ');
    const remoteOrigin = (port: string) => `http://localhost:${process.env[port]}`;
    expect(scriptSources).toEqual([
      "'self'",
      remoteOrigin('PAR_REMOTE_SELF_ASSESSMENT_PORT'),
      remoteOrigin('PAR_REMOTE_APPRAISAL_PORT'),
      remoteOrigin('PAR_REMOTE_ADMIN_PORT'),
      // The public site is also the remote of the admins' survey links and QR codes.
      remoteOrigin('PAR_PUBLIC_PORT'),
    ]);
    expect(policy).toContain("frame-ancestors 'self'");
    // No inline script in the page itself.
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it.each(visits.map((visit) => [visit.role, visit] as const))(
    'lets %s log in and open its area without a single violation',
    async (_role, visit) => {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      try {
        const violations = await watchViolations(page);
        await page.goto(`${shell()}${visit.path}`);
        const user = users.get(visit.role)!;
        await loginThroughKeycloak(page, user.username, user.password);
        await page.waitForURL((url) => url.origin === new URL(shell()).origin, {
          timeout: 30_000,
        });
        await page.locator(visit.shows).first().waitFor({ timeout: 30_000 });
        expect(await violations()).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
