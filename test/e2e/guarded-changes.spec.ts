/**
 * What the admin pages show for the changes issue 15 forbids, in Chromium: an account holding a
 * Keycloak realm-management role is marked and offers none of the changes the service refuses,
 * while an ordinary account of the same unit still does; deleting a criteria set a period
 * chooses shows the Vietnamese message naming the period, and the set stays.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { adminApi } from '../../deploy/local/apps/keycloak-admin.ts';
import { frontendApps } from '../../deploy/local/apps/apps';
import { createCriteriaSetForTest } from '../../services/assessment/test/integration/periods-support';
import { chooseBySearch, launchChromium, loginThroughKeycloak } from '../support/browser';
import { callApi as call } from '../support/api';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;
const suffix = randomUUID().slice(0, 6).toUpperCase();
const unit = `G${suffix}`;
const group = `E2EG${suffix}`;
const year = new Date().getFullYear();
const DAY = 24 * 3_600_000;

describe('changes the admin pages do not offer, or refuse with a message', () => {
  let portal: Portal<'admin' | 'keycloakAdmin' | 'plain'> | undefined;
  let browser: Browser;
  let setId: string;
  const periodName = `Đợt giữ bộ ${suffix}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', ...frontendApps],
      users: {
        admin: { roles: ['admin'], unit: 'SNV' },
        keycloakAdmin: { roles: ['data-entry'], unit },
        plain: { roles: ['data-entry'], unit },
      },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    const token = portal.tokens.admin;
    const created = await call('/units', {
      method: 'POST',
      token,
      body: { code: unit, name: `Sở Thử ${unit}`, kind: 'department', unitGroup: group },
    });
    expect(created.status).toBe(201);

    const [realmManagement] = await adminApi<{ id: string }[]>(
      'GET',
      '/clients?clientId=realm-management',
    );
    const role = await adminApi<{ id: string; name: string }>(
      'GET',
      `/clients/${realmManagement!.id}/roles/view-users`,
    );
    await adminApi(
      'POST',
      `/users/${portal.users.keycloakAdmin.id}/role-mappings/clients/${realmManagement!.id}`,
      [role],
    );

    setId = await createCriteriaSetForTest(token, { indexCode: 'PAR', year, unitGroup: group });
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const phases = [
      'setup',
      'selfAssessment',
      'appraisalRound1',
      'clarification',
      'appraisalRound2',
      'consolidation',
      'published',
    ].map((phase, i) => ({
      phase,
      startsAt: at((i - 1) * DAY + DAY),
      endsAt: phase === 'published' ? null : at((i + 1) * DAY),
    }));
    const period = await call('/periods', {
      method: 'POST',
      token,
      body: {
        indexCode: 'PAR',
        year,
        name: periodName,
        criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
        phases,
      },
    });
    expect(period.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it("marks a Keycloak administrator's account and offers no change of it", async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { admin, keycloakAdmin, plain } = portal!.users;
    try {
      await page.goto(`${shell()}/admin/accounts`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await chooseBySearch(page, 'account-filter-unit', unit);
      await page.getByTestId(`account-reset-${plain.username}`).waitFor({ timeout: 30_000 });
      const tag = page.getByTestId(`account-protected-${keycloakAdmin.username}`);
      expect(await tag.innerText()).toBe('Quản trị Keycloak');
      for (const action of ['roles', 'move', 'toggle', 'reset']) {
        expect(await page.getByTestId(`account-${action}-${keycloakAdmin.username}`).count()).toBe(
          0,
        );
        expect(await page.getByTestId(`account-${action}-${plain.username}`).count()).toBe(1);
      }
      expect(await page.getByTestId(`account-protected-${plain.username}`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('says which period uses a criteria set the admin tries to delete, and keeps the set', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { admin } = portal!.users;
    try {
      await page.goto(`${shell()}/admin/criteria-sets`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="criteria-sets-table"]', { timeout: 30_000 });
      await chooseBySearch(page, 'criteria-filter-unit-group', group);
      await page.getByTestId(`criteria-set-delete-${setId}`).click();
      await page.locator('.ant-popconfirm:visible .ant-btn-dangerous').click();
      await page
        .getByText(
          `Không thể xoá bộ tiêu chí «Bộ tiêu chí ${group} ${year}» vì đợt đánh giá «${periodName}» (${year}) đang dùng nó.`,
          { exact: false },
        )
        .waitFor();
      expect((await call(`/criteria-sets/${setId}`, { token: portal!.tokens.admin })).status).toBe(
        200,
      );
    } finally {
      await context.close();
    }
  });
});
