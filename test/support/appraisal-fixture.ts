/**
 * The steps that take an opened period on to appraisal, made through the API as the people
 * concerned would: a unit's leader saving and submitting its self-assessment, the admin assigning
 * appraisers and moving the period on. Each throws on any refusal; the tests keep their own
 * expectations of what follows.
 */
import type { PeriodPhase } from '@par/contracts';
import { frontendApps } from '../../deploy/local/apps/apps.ts';
import type { UserOptions } from '../../deploy/local/apps/keycloak-admin.ts';
import { callApi } from './api.ts';
import { eventually } from './eventually.ts';
import type { TestUser } from './keycloak.ts';
import {
  expectStatus,
  openPeriod,
  type OpenedPeriod,
  type OpenPeriodOptions,
} from './open-period.ts';
import { openPortal, type Portal } from './portal-fixture.ts';

/**
 * The portal an appraisal's browser test runs on: the gateway, the services up to appraisal and
 * evidence, and the frontends, with `users` (an admin among them).
 */
export function openAppraisalPortal<Name extends string>(
  users: Record<Name, UserOptions>,
): Promise<Portal<Name>> {
  return openPortal({
    apps: ['gateway', 'accounts', 'assessment', 'appraisal', 'evidence', ...frontendApps],
    users,
    routes: ['accounts', 'assessment', 'evidence'],
  });
}

export interface LeaderSubmitsOptions {
  periodId: string;
  unit: string;
  /** Each criterion's inputs, by code (`{ value: 150 }`, `{ yes: true }`), saved in this order. */
  inputs: Record<string, object>;
  /** The explanation saved with a criterion (default `Giải trình tiêu chí <code>`). */
  explain?: (code: string) => string;
}

/**
 * Makes the unit's leader (data entry and unit approver), who saves each entry and submits the
 * self-assessment; returns the leader and their token.
 */
export async function leaderSubmits(
  portal: Pick<Portal<string>, 'addUser'>,
  options: LeaderSubmitsOptions,
): Promise<{ user: TestUser; token: string }> {
  const { periodId, unit } = options;
  const explain = options.explain ?? ((code: string) => `Giải trình tiêu chí ${code}`);
  const leader = await portal.addUser({
    roles: ['data-entry'],
    clientRoles: ['unit-approver'],
    unit,
  });
  const token = leader.token;
  for (const [code, inputs] of Object.entries(options.inputs))
    await expectStatus(
      `${unit} entry ${code}`,
      [200],
      callApi(`/self-assessment/periods/${periodId}/entries/${code}`, {
        method: 'PUT',
        token,
        body: { version: 0, inputs, explanation: explain(code) },
      }),
    );
  const state = await expectStatus<{ state: { version: number } }>(
    `${unit} state`,
    [200],
    callApi(`/self-assessment/periods/${periodId}`, { token }),
  );
  await expectStatus(
    `${unit} submit`,
    [200],
    callApi(`/self-assessment/periods/${periodId}/submit`, {
      method: 'POST',
      token,
      body: { version: state.state.version },
    }),
  );
  return leader;
}

export interface AssignAppraisersOptions {
  /** An admin's access token. */
  token: string;
  periodId: string;
  appraiserIds: string[];
  criterionCodes: string[];
  unitCodes: string[];
  /** The assignment's name, when the test gives one. */
  name?: string;
}

/** Assigns the criteria of the units to the appraisers, once the gateway routes to appraisal. */
export async function assignAppraisers(options: AssignAppraisersOptions): Promise<void> {
  const { token, periodId } = options;
  const assignments = `/appraisal/periods/${periodId}/assignments`;
  await eventually(
    async () => (await callApi(assignments, { token })).status === 200,
    30_000,
    'the gateway routing to the appraisal service',
  );
  await expectStatus(
    `assignment of ${options.criterionCodes.join(', ')}`,
    [201],
    callApi(assignments, {
      method: 'POST',
      token,
      body: {
        ...(options.name === undefined ? {} : { name: options.name }),
        appraiserIds: options.appraiserIds,
        criterionCodes: options.criterionCodes,
        units: { kind: 'units', unitCodes: options.unitCodes },
      },
    }),
  );
}

/**
 * Moves the period on by one phase as the admin (`token`), at its current version; throws unless
 * it reached `phase`. Returns the period's new version.
 */
export async function advancePeriod(
  token: string,
  periodId: string,
  phase: PeriodPhase,
): Promise<number> {
  const period = await expectStatus<{ version: number }>(
    'period',
    [200],
    callApi(`/periods/${periodId}`, { token }),
  );
  const moved = await expectStatus<{ version: number; currentPhase: string }>(
    `advance to ${phase}`,
    [200],
    callApi(`/periods/${periodId}/advance`, {
      method: 'POST',
      token,
      body: { version: period.version },
    }),
  );
  if (moved.currentPhase !== phase)
    throw new Error(`the period moved to ${moved.currentPhase}, not ${phase}`);
  return moved.version;
}

export interface OpenRound1Options extends OpenPeriodOptions {
  /** What each unit's leader saves and submits, by unit code (as `leaderSubmits` takes it). */
  selfAssessments: Record<string, Omit<LeaderSubmitsOptions, 'periodId' | 'unit'>>;
  /** Who appraises what, each as `assignAppraisers` takes it. */
  assignments: Array<Omit<AssignAppraisersOptions, 'token' | 'periodId'>>;
}

export interface OpenedRound1 extends OpenedPeriod {
  /** Each unit's leader, by unit code. */
  leaders: Map<string, { user: TestUser; token: string }>;
}

/**
 * A period in appraisal round 1: opened as `openPeriod` does, every unit's leader saving and
 * submitting (the units side by side), the appraisers assigned, and the admin starting round 1.
 */
export async function openRound1(
  portal: Pick<Portal<string>, 'addUser'>,
  options: OpenRound1Options,
): Promise<OpenedRound1> {
  const { selfAssessments, assignments, ...period } = options;
  const opened = await openPeriod(period);
  const { token } = options;
  const { periodId } = opened;
  const leaders = new Map(
    await Promise.all(
      Object.entries(selfAssessments).map(
        async ([unit, own]) =>
          [unit, await leaderSubmits(portal, { periodId, unit, ...own })] as const,
      ),
    ),
  );
  for (const assignment of assignments) await assignAppraisers({ token, periodId, ...assignment });
  const version = await advancePeriod(token, periodId, 'appraisalRound1');
  return { ...opened, version, leaders };
}
