/**
 * The evidence panel of the self-assessment remote in Chromium, on the real gateway, evidence
 * service and MinIO: an officer uploads two files at once straight to MinIO (a cross-origin POST
 * from the shell's origin) with a progress bar each, sees them listed, previews the PDF, is told
 * in Vietnamese why a disguised executable was refused, lets the PDF serve a second criterion and
 * deletes a file by keyboard.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { openEvidenceWorld } from '../../services/evidence/test/integration/evidence-support';
import { chooseOptionIn, launchChromium, loginThroughKeycloak } from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;
const MB = 1024 * 1024;

/** A well-formed PDF padded with a comment to `size` bytes, so its upload takes a while. */
function paddedPdf(size: number): Buffer {
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n%',
    'latin1',
  );
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x41), tail]);
}

/** A 1×1 PNG, then bytes after its end that image decoders ignore, to make it large. */
function paddedPng(size: number): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([png, Buffer.alloc(size - png.length)]);
}

/** A Windows executable's first bytes under a PDF's name. */
const executable = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  Buffer.from('This program cannot be run in DOS mode.\r\n'),
  Buffer.alloc(400, 0x90),
]);

describe('the evidence panel in a browser', () => {
  let portal: Portal<'admin' | 'officer'> | undefined;
  let browser: Browser;
  const unit = `E${randomUUID().slice(0, 5).toUpperCase()}`;
  let periodId: string;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'evidence', 'shell', 'self-assessment'],
      users: {
        admin: { roles: ['admin'] },
        officer: { roles: ['data-entry'], unit },
      },
      routes: ['accounts', 'assessment', 'evidence'],
    });
    // A period open for self-assessment whose set has the leaf 1.1.
    periodId = (await openEvidenceWorld(portal.tokens.admin, [unit])).periodId;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** Records every percentage each progress bar showed, by file name, as the page draws them. */
  async function watchProgress(page: Page): Promise<() => Promise<Record<string, number[]>>> {
    await page.evaluate(() => {
      const seen: Record<string, number[]> = {};
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      const record = () => {
        for (const row of document.querySelectorAll('[data-testid="evidence-upload-row"]')) {
          const name = row.getAttribute('data-name') ?? '';
          const bar = row.querySelector('[data-testid="evidence-progress"]');
          const percent = Number(bar?.getAttribute('data-percent'));
          const list = (seen[name] ??= []);
          if (list.at(-1) !== percent) list.push(percent);
        }
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-percent'],
      });
    });
    return () =>
      page.evaluate(
        () => (window as unknown as { __progress: Record<string, number[]> }).__progress,
      );
  }

  it('uploads two files at once with progress, lists them, previews the PDF, refuses a disguised executable, lets one file serve two criteria', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/self-assessment/evidence/${periodId}?criterion=1.1&min=1&max=3`);
      await loginThroughKeycloak(
        page,
        portal!.users.officer.username,
        portal!.users.officer.password,
      );
      const panel = page.getByTestId('evidence-panel-1.1');
      await panel.getByText('Chưa có tệp nào cho tiêu chí này.').waitFor({ timeout: 30_000 });
      expect(await panel.getByTestId('evidence-count').innerText()).toBe('Cần 1–3 tệp; đã có 0.');

      // A slow uplink, so each bar has time to show how far its file has gone.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 1 * MB,
      });
      const progress = await watchProgress(page);
      await page.getByTestId('evidence-upload-input').setInputFiles([
        { name: 'Quyết định 12.pdf', mimeType: 'application/pdf', buffer: paddedPdf(2 * MB) },
        { name: 'ảnh chụp.png', mimeType: 'image/png', buffer: paddedPng(MB + 512 * 1024) },
      ]);
      const names = panel.getByTestId('evidence-file-name');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="evidence-file-name"]').length === 2,
        undefined,
        { timeout: 60_000 },
      );
      expect((await names.allInnerTexts()).sort()).toEqual(['Quyết định 12.pdf', 'ảnh chụp.png']);
      expect(await panel.getByTestId('evidence-count').innerText()).toBe('Cần 1–3 tệp; đã có 2.');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });

      // Both bars were on screen together and moved through intermediate values to 100.
      const seen = await progress();
      for (const name of ['Quyết định 12.pdf', 'ảnh chụp.png']) {
        const values = seen[name] ?? [];
        expect({ name, between: values.some((v) => v > 0 && v < 100) }).toEqual({
          name,
          between: true,
        });
        expect(values.at(-1)).toBe(100);
        expect([...values].sort((a, b) => a - b)).toEqual(values);
      }

      // The PDF previews inline, through its short-lived presigned URL.
      await panel
        .getByTestId('evidence-file')
        .filter({ hasText: 'Quyết định 12.pdf' })
        .getByTestId('evidence-open')
        .click();
      const frame = page.getByTestId('evidence-preview-pdf');
      await frame.waitFor();
      const src = (await frame.getAttribute('src'))!;
      expect(new URL(src).searchParams.get('X-Amz-Expires')).toBe('300');
      const served = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return { status: res.status, type: res.headers.get('content-type') };
      }, src);
      expect(served).toEqual({ status: 200, type: 'application/pdf' });
      await page.keyboard.press('Escape');
      await frame.waitFor({ state: 'detached' });

      // An executable named .pdf reaches MinIO, then the check of its bytes refuses it.
      await page
        .getByTestId('evidence-upload-input')
        .setInputFiles([{ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: executable }]);
      const refused = panel.getByTestId('evidence-refused');
      await refused.waitFor({ timeout: 30_000 });
      expect(await refused.innerText()).toContain('Không nhận tệp «bao-cao.pdf»');
      expect(await refused.getByTestId('evidence-refused-reason').innerText()).toContain(
        'Nội dung tệp «bao-cao.pdf» không phải là PDF như tên hoặc loại tệp khai báo (không nhận ra loại nội dung). Tệp đã bị xoá.',
      );
      expect(await names.count()).toBe(2);

      // A keyboard user dismisses the refusal, then deletes the PNG: Tab to the button, Enter,
      // and Enter on the confirmation.
      await refused.getByRole('button', { name: 'Đóng thông báo' }).focus();
      await page.keyboard.press('Enter');
      await refused.waitFor({ state: 'detached' });
      const pngRow = panel.getByTestId('evidence-file').filter({ hasText: 'ảnh chụp.png' });
      await pngRow.getByTestId('evidence-delete').focus();
      await page.keyboard.press('Enter');
      const ok = page.locator('.ant-popconfirm').getByRole('button', { name: 'Xoá' });
      await ok.waitFor();
      await ok.focus();
      await page.keyboard.press('Enter');
      await pngRow.waitFor({ state: 'detached' });
      expect(await names.allInnerTexts()).toEqual(['Quyết định 12.pdf']);
      expect(await panel.getByTestId('evidence-count').innerText()).toBe('Cần 1–3 tệp; đã có 1.');

      // The PDF serves criterion 1.2 as well: chosen among the unit's files, then taken off again.
      await page.goto(`${shell()}/self-assessment/evidence/${periodId}?criterion=1.2&min=0&max=1`);
      const other = page.getByTestId('evidence-panel-1.2');
      await other.getByText('Chưa có tệp nào cho tiêu chí này.').waitFor({ timeout: 30_000 });
      await chooseOptionIn(page, other.getByTestId('evidence-reuse'), ['Quyết định 12.pdf']);
      await other.getByTestId('evidence-reuse-attach').click();
      const shared = other.getByTestId('evidence-file').filter({ hasText: 'Quyết định 12.pdf' });
      await shared.getByText('Dùng cho cả: 1.1').waitFor();
      expect(await other.getByTestId('evidence-count').innerText()).toBe('Cần 0–1 tệp; đã có 1.');
      // At its maximum, the criterion takes no more uploads.
      expect(await other.getByTestId('evidence-upload').isDisabled()).toBe(true);
      await shared.getByTestId('evidence-detach').click();
      await other.getByText('Chưa có tệp nào cho tiêu chí này.').waitFor();
    } finally {
      await context.close();
    }
  });
});
