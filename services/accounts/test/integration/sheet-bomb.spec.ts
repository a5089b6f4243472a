/**
 * A spreadsheet bomb through the real gateway, into the units and the criteria-set imports: a
 * 1.6 MB .xlsx whose worksheet inflates to 1.5 GiB is refused at once with the import's
 * Vietnamese message, and the service that read it never holds the memory that inflating it
 * would take (its peak resident set stays under 512 MB; the worksheet alone is 1.5 GiB).
 */
import { readFileSync } from 'node:fs';
import { callApi } from '../../../../test/support/api';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import { MiB, xlsxBomb } from '../../../../test/support/zip-bomb';

/** The most memory the process has ever held resident (Linux's VmHWM), in bytes. */
function peakResidentBytes(pid: number): number {
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kib === undefined) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kib) * 1024;
}

describe('a spreadsheet bomb at the imports', () => {
  let portal: Portal<'admin'> | undefined;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts', 'assessment'],
    });
  });

  afterAll(async () => {
    await portal?.close();
  });

  const imports = [
    {
      route: '/units/import/preview',
      app: 'accounts',
      message:
        /^Tệp Excel này giải nén ra quá lớn \(quá 32 MB hoặc quá 500 thành phần\); một bảng đơn vị/,
    },
    {
      route: '/criteria-sets/import/preview',
      app: 'assessment',
      message:
        /^Tệp Excel này giải nén ra quá lớn \(quá 32 MB hoặc quá 500 thành phần\); một bảng tiêu chí/,
    },
  ];

  it.each(imports)(
    '$route refuses a 1.6 MB file that declares 1.5 GiB unpacked, and one that lies about it',
    async ({ route, app, message }) => {
      const pid = portal!.apps.find((running) => running.name === app)!.process.pid!;
      const send = (file: Buffer) =>
        callApi(route, {
          method: 'POST',
          token: portal!.tokens.admin,
          body: { fileName: 'don-vi.xlsx', contentBase64: file.toString('base64') },
        });

      const honest = xlsxBomb();
      expect(honest.length).toBeLessThan(2 * 1000 * 1000);
      const refused = await send(honest);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(message);

      // Declares 1 MiB, holds 1.5 GiB: cut off once past its declared size, as a damaged file.
      const lying = await send(xlsxBomb(MiB));
      expect(lying.status).toBe(422);
      expect(lying.body.error.message).toMatch(/không phải là CSV/);

      // Inflating the worksheet alone would take 1.5 GiB; a Node service idles near 150 MB.
      expect(peakResidentBytes(pid)).toBeLessThan(512 * MiB);
    },
  );
});
