/**
 * Officers who keep saving their entries through the gateway while the tests break things, and
 * what they were told: each officer owns one leaf of its unit and saves the values 1, 2, 3, …
 * (in its explanation) one after another, each until it lands, as the self-assessment page does
 * (`frontends/self-assessment`: a failure is retried with a growing delay on the version last
 * saved; a 409 whose current entry is the officer's own draft means the save landed).
 *
 * Since each leaf has a single writer, value n lands at version n exactly: a save told 200 but
 * lost makes the next save a 409 with someone else's value (a conflict), and a save applied
 * twice makes a version run ahead of its value.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Connection } from 'mongoose';
import { messages } from '@par/contracts';
import {
  appDefinition,
  waitForHealthy,
  type AppDefinition,
} from '../../../../deploy/local/apps/apps.ts';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import type { Portal } from '../../../../test/support/portal-fixture';
import { entriesOf } from './entries-support';
import {
  DAY,
  HOUR,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phaseReached,
  phasesFrom,
} from './self-assessment-support';

/** What an officer's save of each leaf of the support's set sends besides its explanation. */
const leafInputs = {
  '1.1': { inputs: { value: 150 }, missingEvidenceExplanation: 'Sẽ bổ sung kế hoạch' },
  '1.2': { inputs: { yes: true } },
  '2.1': { inputs: { optionKey: 'A' } },
  '2.2': { inputs: { numerator: 45, denominator: 50 } },
} as const;
export type LeafCode = keyof typeof leafInputs;
/** The area of each leaf (its collection in the local layout). */
const areaOf = (code: LeafCode) => code.split('.')[0]!;

/** The explanation that carries an officer's value n. */
export const valueText = (officer: string, n: number) => `${officer}: lần lưu thứ ${n}`;

/** An officer saving one leaf of its unit. */
export interface Officer {
  name: string;
  unitCode: string;
  code: LeafCode;
  token: string;
}

export interface SavingPeriod {
  periodId: string;
  /** The units of the period, none of which has saved anything yet. */
  units: string[];
}

/** `units` units of the support's set in one period, open for self-assessment. */
export async function openSavingPeriod(
  admin: string,
  options: { units: number },
): Promise<SavingPeriod> {
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `DU${suffix}`;
  const units = Array.from({ length: options.units }, (_, i) => `D${i}${suffix}`);
  for (const unit of units) await createUnit(admin, unit, group);
  const setId = await createSelfAssessmentSet(admin, {
    indexCode: 'PAR',
    year: 2026,
    unitGroup: group,
  });
  const { id: periodId } = await createPeriod(admin, {
    indexCode: 'PAR',
    year: 2026,
    name: `Bền vững khi sự cố ${suffix}`,
    criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
    phases: phasesFrom(-HOUR, 2 * DAY),
  });
  await phaseReached(admin, periodId, 'selfAssessment');
  return { periodId, units };
}

/**
 * An officer per unit and leaf, with a fresh token (tokens live five minutes: make them when
 * the test that uses them starts); deleted with the portal.
 */
export async function addOfficers(
  portal: Portal<'admin'>,
  units: string[],
  leaves: LeafCode[],
): Promise<Officer[]> {
  const officers: Officer[] = [];
  for (const unitCode of units) {
    for (const code of leaves) {
      const { user, token } = await portal.addUser({ roles: ['data-entry'], unit: unitCode });
      officers.push({ name: user.username, unitCode, code, token });
    }
  }
  return officers;
}

/**
 * Fills every leaf of a unit as its approver would, so that it can be submitted (1.1 explains
 * its missing file instead of attaching one).
 */
export async function fillUnit(periodId: string, token: string): Promise<void> {
  for (const code of Object.keys(leafInputs) as LeafCode[]) {
    const res = await call(`/self-assessment/periods/${periodId}/entries/${code}`, {
      method: 'PUT',
      token,
      body: { version: 0, ...leafInputs[code], explanation: `Giải trình ${code}` },
    });
    if (res.status !== 200) throw new Error(`fill ${code}: HTTP ${res.status}`);
  }
}

/** What one officer was told. */
export interface OfficerLog {
  officer: Officer;
  /** Saves answered 200: the value and the version the answer gave. */
  acked: Array<{ value: number; version: number }>;
  /** 409s whose current entry was the officer's own value: an earlier try had landed. */
  adopted: Array<{ value: number; version: number }>;
  /** 409s with another value: a save lost or applied twice (never expected). */
  conflicts: Array<{ value: number; current: unknown }>;
  /** Saves that failed otherwise (5xx, no answer): retried, and what the page shows as "lỗi". */
  failures: Array<{ value: number; status: number | string }>;
  /** Requests a gateway refused to connect, sent to the other one instead (see `Gateways`). */
  failovers: number;
  /** The value that landed last (0: none yet). */
  landed: number;
}

/** Where the officers' requests go: one gateway, or several behind a load balancer. */
export interface Gateways {
  /** The gateways' base URLs in rotation now. */
  urls(): string[];
}

/** The page's retry delay (1 s, 2 s, 4 s, … up to 30 s), scaled down to keep tests short. */
const retryDelayMs = (attempt: number) => Math.min(2_000, 250 * 2 ** (attempt - 1));
/**
 * Time between one officer's saves, as typing pauses space them: an officer stays well under
 * the gateway's per-user limit (300 a minute).
 */
const savePaceMs = 300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The page's pause before it tries a failed request again (its first retry, scaled down). */
export const retryPause = () => pause(retryDelayMs(1));

/**
 * A network error: the connection was refused or broken before an answer came (fetch's
 * TypeError, by name: Jest's globals are not the ones of Node's fetch).
 */
const networkError = (err: unknown) => (err as Error).name === 'TypeError';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const notReady = (answer: { status: number; body: any }) =>
  answer.status === 503 &&
  answer.body?.error?.message === messages['account.revocations.unavailable'].vi;

/**
 * The officers saving until `stop()`: each then lands the value it is on and stops. `landed`
 * resolves when every officer has landed `count` more values than when it was called.
 */
export interface SavingLoad {
  logs: OfficerLog[];
  progress(count: number, timeoutMs?: number): Promise<void>;
  /** Every officer's last value told saved (200 or its own 409) so far. */
  told(): Map<Officer, number>;
  stop(): Promise<void>;
}

export function startSaving(periodId: string, officers: Officer[], gateways: Gateways): SavingLoad {
  let stopping = false;
  let turn = 0;
  const logs: OfficerLog[] = officers.map((officer) => ({
    officer,
    acked: [],
    adopted: [],
    conflicts: [],
    failures: [],
    failovers: 0,
    landed: 0,
  }));

  /** One PUT as a load balancer in front of the gateways passes it on. */
  const put = async (log: OfficerLog, body: Record<string, unknown>) => {
    const path = `/api/self-assessment/periods/${periodId}/entries/${log.officer.code}`;
    const urls = gateways.urls();
    const first = turn++;
    for (let i = 0; ; i++) {
      const url = urls[(first + i) % urls.length]!;
      try {
        const res = await fetch(`${url}${path}`, {
          method: 'PUT',
          headers: {
            Authorization: `Bearer ${log.officer.token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const answer = { status: res.status, body: await res.json() };
        // A gateway not ready yet (its revocations not loaded) did nothing with the call; an
        // ingress routes only to ready gateways (Kubernetes' readiness), so the next one is tried.
        if (notReady(answer) && i + 1 < urls.length) {
          log.failovers += 1;
          continue;
        }
        return answer;
      } catch (err) {
        // As an ingress does (nginx's `proxy_next_upstream error`): a gateway that refused or
        // dropped the connection gets no answer out, the next one is tried once.
        if (!networkError(err) || i + 1 >= urls.length) throw err;
        log.failovers += 1;
      }
    }
  };

  const runOfficer = async (log: OfficerLog) => {
    const { officer } = log;
    let version = 0;
    while (!stopping) {
      const value = log.landed + 1;
      const body = {
        version,
        ...leafInputs[officer.code],
        explanation: valueText(officer.name, value),
      };
      for (let attempt = 1; ; attempt++) {
        let res: { status: number; body: any } | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
        try {
          res = await put(log, { ...body, version });
        } catch (err) {
          const cause = (err as { cause?: { code?: string } }).cause?.code;
          log.failures.push({ value, status: `no answer (${cause ?? (err as Error).message})` });
        }
        if (res?.status === 200) {
          log.acked.push({ value, version: res.body.version });
          version = res.body.version;
          break;
        }
        if (res?.status === 409) {
          const current = res.body.error?.current;
          if (current?.explanation === body.explanation) {
            log.adopted.push({ value, version: current.version });
            version = current.version;
            break;
          }
          // The page would show both values and wait for the officer: this one stops.
          log.conflicts.push({ value, current });
          return;
        }
        if (res) log.failures.push({ value, status: res.status });
        await pause(retryDelayMs(attempt));
      }
      log.landed = value;
      await pause(savePaceMs);
    }
  };

  const running = Promise.all(logs.map(runOfficer));
  return {
    logs,
    async progress(count, timeoutMs = 60_000) {
      const from = logs.map((log) => log.landed);
      await eventually(
        async () =>
          logs.every((log, i) => log.landed >= from[i]! + count || log.conflicts.length > 0),
        timeoutMs,
        `every officer landing ${count} more saves`,
      );
    },
    told: () => new Map(logs.map((log) => [log.officer, log.landed])),
    async stop() {
      stopping = true;
      await running;
    },
  };
}

/**
 * What the officers were told, checked against each other and against the database: no
 * conflict, value n told saved at version n only, and each entry as stored is the officer's
 * last value at the version of its count of values.
 */
export async function expectEveryToldSaveStored(
  db: Connection,
  load: SavingLoad,
  periodId: string,
) {
  const store = entriesOf(db);
  for (const log of load.logs) {
    const { officer } = log;
    expect({ officer: officer.name, conflicts: log.conflicts }).toEqual({
      officer: officer.name,
      conflicts: [],
    });
    const told = [...log.acked, ...log.adopted].sort((a, b) => a.value - b.value);
    expect(told.map((t) => t.value)).toEqual(Array.from({ length: log.landed }, (_, i) => i + 1));
    expect(told.filter((t) => t.version !== t.value)).toEqual([]);
    const stored = await store.entry(
      periodId,
      officer.unitCode,
      areaOf(officer.code),
      officer.code,
    );
    expect({
      officer: officer.name,
      explanation: stored?.explanation,
      version: stored?.version,
    }).toEqual({
      officer: officer.name,
      explanation: valueText(officer.name, log.landed),
      version: log.landed,
    });
  }
}

/**
 * Checks, right after a fault, that every value told saved before it is stored: each entry is
 * at least at the version of the officer's last value told saved (value n is version n).
 */
export async function expectStoredAtLeast(
  db: Connection,
  periodId: string,
  told: Map<Officer, number>,
): Promise<void> {
  const store = entriesOf(db);
  for (const [officer, value] of told) {
    const stored = await store.entry(
      periodId,
      officer.unitCode,
      areaOf(officer.code),
      officer.code,
    );
    expect({ officer: officer.name, atLeast: (stored?.version ?? 0) >= value }).toEqual({
      officer: officer.name,
      atLeast: true,
    });
  }
}

/** Reads an officer's entry through the gateway (the service's own read of the database). */
export async function entryThroughGateway(periodId: string, officer: Officer) {
  const page = await call(`/self-assessment/periods/${periodId}`, { token: officer.token });
  return (page.body.entries as Array<{ criterionCode: string; version: number }> | undefined)?.find(
    (e) => e.criterionCode === officer.code,
  );
}

/** A TCP port nobody listens on now, for a second node of a service. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Another node of the gateway or the assessment service beside the stack's: its own health
 * port (and REST port for the gateway), the same bus, database and log file.
 */
export async function anotherNode(name: 'gateway' | 'assessment'): Promise<{
  definition: AppDefinition;
  url?: string;
}> {
  const base = appDefinition(name);
  const health = await freePort();
  const healthUrl = `http://127.0.0.1:${health}/health/ready`;
  if (name === 'assessment') {
    return {
      definition: { ...base, env: { ...base.env, PAR_HEALTH_PORT: String(health) }, healthUrl },
    };
  }
  const port = await freePort();
  return {
    definition: {
      ...base,
      env: { ...base.env, PAR_HEALTH_PORT: String(health), PAR_GATEWAY_PORT: String(port) },
      healthUrl,
      startedUrl: `http://127.0.0.1:${health}/health/live`,
    },
    url: `http://localhost:${port}`,
  };
}

/** Waits until a node's readiness answers 200 (the gateway's once it loaded the revocations). */
export const ready = (definition: AppDefinition) => waitForHealthy(definition.healthUrl, 60_000);

/** The pid of the local stack's NATS server (`deploy/local/stack.sh` records it). */
function natsPid(): number {
  return Number(readFileSync(path.join(process.env.PAR_RUN_DIR!, 'pids', 'nats.pid'), 'utf8'));
}

/** Gone, or a zombie that init has not reaped yet. */
function processGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

/** Kills the stack's NATS server with SIGKILL and waits until it is gone. */
export async function killNats(): Promise<void> {
  const pid = natsPid();
  process.kill(pid, 'SIGKILL');
  await eventually(async () => processGone(pid), 10_000, 'NATS dying');
}

/** Starts the stack's NATS again, on its port and data directory, as `stack.sh` does. */
export async function startNats(): Promise<void> {
  const script = path.join(process.env.PAR_REPO_DIR!, 'deploy/local/stack.sh');
  await promisify(execFile)('bash', [script, 'start', 'nats'], { env: process.env });
}
