/**
 * One way for a test to get a period its units can fill: the units in a group, a criteria set
 * for the group, a period with every phase a day long from an hour ago, moved on by the admin to
 * self-assessment (or left in set-up). Made through the API, as an admin would.
 */
import type { CreatePeriodParams, CriterionNodeInput, PeriodPhase } from '@par/contracts';
import { callApi } from './api.ts';

const HOUR = 3_600_000;

/** The phases in order, `trial` left out: set-up started an hour ago, each lasts a day. */
const phaseOrder: PeriodPhase[] = [
  'setup',
  'selfAssessment',
  'appraisalRound1',
  'clarification',
  'appraisalRound2',
  'consolidation',
  'published',
];

/**
 * A small valid set: area 1 (3 points) with 1.1 manual up to 1,5 in steps of 0,25 and 1.2 yes
 * 1,5. Tests whose expectations need another tree pass their own `nodes`.
 */
export const twoLeafSet: CriterionNodeInput[] = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành', maxScore: 300 },
  {
    code: '1.1',
    parentCode: '1',
    title: 'Ban hành kế hoạch CCHC năm',
    maxScore: 150,
    rule: { type: 'manual', max: 150, step: 25 },
  },
  {
    code: '1.2',
    parentCode: '1',
    title: 'Báo cáo CCHC định kỳ đúng hạn',
    maxScore: 150,
    rule: { type: 'boolean', yesScore: 150 },
  },
];

/** `twoLeafSet` asking for no evidence, so entries are complete with a score and an explanation. */
export const twoLeafSetWithoutEvidence: CriterionNodeInput[] = twoLeafSet.map((node) =>
  node.rule ? { ...node, evidence: { min: 0, max: 2 } } : node,
);

/** Every phase a day long, the first (set-up) started an hour ago; `published` never ends. */
export function dailyPhases(now = Date.now()): CreatePeriodParams['phases'] {
  return phaseOrder.map((phase, i) => ({
    phase,
    startsAt: new Date(now + (i * 24 - 1) * HOUR).toISOString(),
    endsAt: phase === 'published' ? null : new Date(now + ((i + 1) * 24 - 1) * HOUR).toISOString(),
  }));
}

/** Awaits an API call and gives its body; throws, naming `what`, on any other status. */
export async function expectStatus<T>(
  what: string,
  status: number[],
  call: Promise<{ status: number; body: T }>,
): Promise<T> {
  const res = await call;
  if (!status.includes(res.status))
    throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface OpenPeriodOptions {
  /** An admin's access token. */
  token: string;
  unitGroup: string;
  /** Units created in the group (named `Sở Thử <code>`), all of them in the period. */
  units?: string[];
  indexCode?: string;
  year?: number;
  /** The period's name. */
  name: string;
  /** The set's tree (default `twoLeafSet`); ignored when `setId` is given. */
  nodes?: CriterionNodeInput[];
  /** An existing set of the group, instead of a new one. */
  setId?: string;
  /** Where the period is left: moved on to self-assessment by the admin (default), or set-up. */
  phase?: 'selfAssessment' | 'setup';
  /** The period's phases (default `dailyPhases()`), e.g. a clarification ending in minutes. */
  phases?: CreatePeriodParams['phases'];
}

export interface OpenedPeriod {
  setId: string;
  periodId: string;
  /** The period's version after the last move, for a test's next admin action. */
  version: number;
}

/** Creates the units, the set (and the index if missing) and the period; throws on any refusal. */
export async function openPeriod(options: OpenPeriodOptions): Promise<OpenedPeriod> {
  const { token, unitGroup } = options;
  const indexCode = options.indexCode ?? 'PAR';
  const year = options.year ?? new Date().getFullYear();
  const post = (path: string, body: unknown) => callApi(path, { method: 'POST', token, body });

  for (const code of options.units ?? []) {
    await expectStatus(
      `unit ${code}`,
      [201],
      post('/units', { code, name: `Sở Thử ${code}`, kind: 'department', unitGroup }),
    );
  }
  let setId = options.setId;
  if (!setId) {
    await expectStatus(
      `index ${indexCode}`,
      [201, 409],
      post('/indices', { code: indexCode, name: `Chỉ số ${indexCode}` }),
    );
    const set = await expectStatus<{ id: string }>(
      'criteria set',
      [201],
      post('/criteria-sets', {
        indexCode,
        year,
        unitGroup,
        name: `Bộ tiêu chí ${unitGroup}`,
        nodes: options.nodes ?? twoLeafSet,
      }),
    );
    setId = set.id;
  }
  const body: CreatePeriodParams = {
    indexCode,
    year,
    name: options.name,
    criteriaSets: [{ unitGroup, criteriaSetId: setId }],
    unitCodes: options.units ?? [],
    phases: options.phases ?? dailyPhases(),
  };
  const period = await expectStatus<{ id: string; version: number }>(
    'period',
    [201],
    post('/periods', body),
  );
  if (options.phase === 'setup') return { setId, periodId: period.id, version: period.version };
  const moved = await expectStatus<{ version: number; currentPhase: string }>(
    'moving the period on',
    [200],
    post(`/periods/${period.id}/advance`, { version: period.version }),
  );
  if (moved.currentPhase !== 'selfAssessment')
    throw new Error(`the period moved to ${moved.currentPhase}, not selfAssessment`);
  return { setId, periodId: period.id, version: moved.version };
}
