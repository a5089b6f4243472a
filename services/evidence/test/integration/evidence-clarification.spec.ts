/**
 * Evidence in the clarification phase against its real deadline (issues 10 and 11): a period
 * whose clarification ends minutes after it is made (round 2 starts a day later, so the period
 * stays in clarification once its deadline passed). The unit adds a file to its questioned entry
 * before the deadline; after it, the same upload and the deletion of that file are refused with
 * the deadline named, and nothing changes.
 */
import { randomUUID } from 'node:crypto';
import { callApi as call } from '../../../../test/support/api';
import { eventually, eventuallyValue } from '../../../../test/support/eventually';
import { openPeriod, twoLeafSetWithoutEvidence } from '../../../../test/support/open-period';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';

const HOUR = 3_600_000;
const suffix = randomUUID().slice(0, 5).toUpperCase();
const UNIT = `GC${suffix}`;

/** `hh:mm ngày dd/mm/yyyy` of a UTC instant in Vietnam (UTC+7, no daylight saving), by hand. */
const vietnam = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * HOUR).toISOString();
  return `${local.slice(11, 16)} ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

/** A small but well-formed PDF, written by hand. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

describe('evidence added in clarification, until its deadline', () => {
  let portal: Portal<'admin' | 'law' | 'leader'> | undefined;
  let periodId: string;
  let clarificationEndsAt: string;
  let added: string;
  const t = (who: 'admin' | 'law' | 'leader') => portal!.tokens[who];
  const ok = async (what: string, res: Promise<{ status: number; body: unknown }>) => {
    const done = await res;
    if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
    return done.body as Record<string, unknown> & { version: number };
  };
  const advance = async (phase: string) => {
    const period = await ok('period', call(`/periods/${periodId}`, { token: t('admin') }));
    // The clock may have moved it already (the phases are minutes long).
    if (period.currentPhase === phase) return;
    const moved = await ok(
      `advance to ${phase}`,
      call(`/periods/${periodId}/advance`, {
        method: 'POST',
        token: t('admin'),
        body: { version: period.version },
      }),
    );
    expect(moved.currentPhase).toBe(phase);
  };
  const slot = (criterionCodes: string[]) =>
    call('/evidence/uploads', {
      method: 'POST',
      token: t('leader'),
      body: {
        periodId,
        name: 'Kế hoạch.pdf',
        size: pdf.length,
        contentType: 'application/pdf',
        criterionCodes,
      },
    });
  const filesOf = async () =>
    (await call(`/evidence/files?periodId=${periodId}`, { token: t('leader') })).body
      .items as Array<{
      id: string;
      addedInClarification: boolean;
    }>;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['accounts', 'assessment', 'appraisal', 'evidence', 'gateway'],
      users: {
        admin: { roles: ['admin'] },
        law: { roles: ['appraisal'], unit: 'STP' },
        leader: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: UNIT },
      },
      routes: ['accounts', 'assessment', 'evidence'],
    });
    // Each step is moved on by hand as soon as it is done; the clock only ends clarification.
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    clarificationEndsAt = at(170_000);
    ({ periodId } = await openPeriod({
      token: t('admin'),
      unitGroup: `GC${suffix}`,
      units: [UNIT],
      name: `Giải trình hết hạn ${suffix}`,
      nodes: twoLeafSetWithoutEvidence,
      phases: [
        { phase: 'setup', startsAt: at(-HOUR), endsAt: at(60_000) },
        { phase: 'selfAssessment', startsAt: at(60_000), endsAt: at(100_000) },
        { phase: 'appraisalRound1', startsAt: at(100_000), endsAt: at(130_000) },
        { phase: 'clarification', startsAt: at(130_000), endsAt: clarificationEndsAt },
        { phase: 'appraisalRound2', startsAt: at(24 * HOUR), endsAt: at(48 * HOUR) },
        { phase: 'consolidation', startsAt: at(48 * HOUR), endsAt: at(72 * HOUR) },
        { phase: 'published', startsAt: at(72 * HOUR), endsAt: null },
      ],
    }));
    const entries = `/self-assessment/periods/${periodId}/entries`;
    for (const [code, inputs] of [
      ['1.1', { value: 100 }],
      ['1.2', { yes: true }],
    ] as const)
      await ok(
        `entry ${code}`,
        call(`${entries}/${code}`, {
          method: 'PUT',
          token: t('leader'),
          body: { version: 0, inputs, explanation: 'Đã thực hiện' },
        }),
      );
    await ok(
      'submit',
      call(`/self-assessment/periods/${periodId}/submit`, {
        method: 'POST',
        token: t('leader'),
        body: { version: 0 },
      }),
    );
    const assignments = `/appraisal/periods/${periodId}/assignments`;
    await eventually(
      async () => (await call(assignments, { token: t('admin') })).status === 200,
      30_000,
      'the gateway routing to the appraisal service',
    );
    await ok(
      'assignment',
      call(assignments, {
        method: 'POST',
        token: t('admin'),
        body: {
          appraiserIds: [portal.users.law.id],
          criterionCodes: ['1'],
          units: { kind: 'units', unitCodes: [UNIT] },
        },
      }),
    );
    await advance('appraisalRound1');
    const unitPath = `/appraisal/periods/${periodId}/units/${UNIT}`;
    const opened = await ok('opening the unit', call(unitPath, { token: t('law') }));
    const entry = (opened.entries as Array<{ criterionCode: string; version: number }>).find(
      (e) => e.criterionCode === '1.1',
    )!;
    await ok(
      'question',
      call(`${unitPath}/entries/1.1/question`, {
        method: 'PUT',
        token: t('law'),
        body: { version: entry.version, text: 'Số hiệu kế hoạch là gì?' },
      }),
    );
    await advance('clarification');
  }, 300_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('takes a file for the questioned entry before the deadline, and nothing after it', async () => {
    expect(Date.now()).toBeLessThan(Date.parse(clarificationEndsAt));
    const open = await slot(['1.1']);
    expect(open.status).toBe(201);
    const form = new FormData();
    for (const [field, value] of Object.entries(open.body.upload.fields as Record<string, string>))
      form.append(field, value);
    form.append('file', new Blob([Uint8Array.from(pdf)], { type: 'application/pdf' }));
    expect((await fetch(open.body.upload.url, { method: 'POST', body: form })).status).toBe(204);
    const confirmed = await call(`/evidence/files/${open.body.file.id}/confirm`, {
      method: 'POST',
      token: t('leader'),
    });
    expect([confirmed.status, confirmed.body.addedInClarification]).toEqual([200, true]);
    added = open.body.file.id;
    // 1.2 has no question.
    expect((await slot(['1.2'])).status).toBe(403);

    // Once the unit's clarification deadline passed (the period still in clarification).
    const late = await eventuallyValue(
      async () => {
        const res = await slot(['1.1']);
        return res.status === 403 ? res : undefined;
      },
      240_000,
      'the clarification deadline passing',
    );
    expect(late.body.error.code).toBe('E_DEADLINE_PASSED');
    expect(late.body.error.message).toContain(`lúc ${vietnam(clarificationEndsAt)}`);
    const period = await ok('period', call(`/periods/${periodId}`, { token: t('admin') }));
    expect(period.currentPhase).toBe('clarification');
    const kept = await call(`/evidence/files/${added}`, { method: 'DELETE', token: t('leader') });
    expect([kept.status, kept.body.error.code]).toEqual([403, 'E_DEADLINE_PASSED']);
    expect((await filesOf()).map((f) => [f.id, f.addedInClarification])).toEqual([[added, true]]);
  }, 300_000);
});
