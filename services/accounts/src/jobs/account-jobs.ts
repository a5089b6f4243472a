/**
 * Account jobs: issuing accounts for many units in the accounts service, out of any request's
 * timeout. The job and one item per unit are stored before the first account is made; a node
 * holds a job by a lease it renews, so when the node stops or dies another node (or the same one
 * restarted) resumes it where it was. Temporary passwords are kept sealed by the password vault
 * until the admin who started the job fetches them once, and purged after the TTL regardless.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { z } from 'zod';
import {
  formatMessage,
  isMessageKey,
  type AccountJob,
  type AccountJobPasswords,
  type AuthUser,
  type IssuedAccount,
  type Locale,
  type MessageKey,
  type StartAccountJobParams,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import {
  accountJobItemModel,
  accountJobModel,
  type AccountJobDocument,
  type AccountJobItemDocument,
} from '../models/account-job.model';
import { recordAudit } from '../models/audit-entry.model';
import type { KeycloakDirectory } from '../keycloak/keycloak-directory';
import { audit, createOne, planAccounts, toAccount } from '../accounts/accounts';
import { generateTemporaryPassword } from '../accounts/account-rules';
import { progressOf, requestHash, type AccountJobSettings } from './account-job-rules';
import type { PasswordVault } from './password-vault';

type StartParams = z.output<typeof StartAccountJobParams>;
type Reason = NonNullable<AccountJobItemDocument['reason']>;

interface Logger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export class AccountJobs {
  /** This node's name on leases: unique per process, so a restarted node is another owner. */
  private readonly owner = `accounts-${randomUUID()}`;
  private readonly running = new Map<string, Promise<void>>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly db: Connection,
    private readonly directory: KeycloakDirectory,
    private readonly vault: PasswordVault,
    private readonly settings: AccountJobSettings,
    private readonly logger: Logger,
  ) {}

  private get jobs() {
    return accountJobModel(this.db);
  }

  private get items() {
    return accountJobItemModel(this.db);
  }

  /**
   * Starts a job, or returns the one this admin started with the same key and request. Every
   * unit is checked first (an unknown code: 422, nothing stored); the job runs after the reply.
   */
  async start(params: StartParams, by: AuthUser, locale: Locale): Promise<AccountJob> {
    const { idempotencyKey, ...request } = params;
    const hash = requestHash(request);
    const earlier = await this.jobs.findOne({ startedBy: by.id, idempotencyKey }).lean();
    if (earlier) return this.sameRequest(earlier, hash, locale);

    const planned = await planAccounts(this.db, request);
    const now = new Date();
    const passwordsExpireAt = new Date(now.getTime() + this.settings.passwordTtlSeconds * 1000);
    const jobId = new Types.ObjectId();
    // Items first: a job is never stored without them (a crash in between leaves only items
    // of no job, which nothing reads).
    await this.items.insertMany(
      planned.map((plan, index) => ({
        jobId,
        index,
        unitCode: plan.unit.code,
        unitName: plan.unit.name,
        username: plan.username,
        roles: plan.roles,
        firstName: plan.firstName,
        lastName: plan.lastName,
        email: plan.email,
        status: 'pending',
        account: null,
        reason: null,
        passwordExpiresAt: passwordsExpireAt,
      })),
    );
    try {
      await this.jobs.create({
        _id: jobId,
        startedBy: by.id,
        idempotencyKey,
        requestHash: hash,
        status: 'running',
        total: planned.length,
        startedAt: now,
        finishedAt: null,
        passwords: 'pending',
        passwordsExpireAt,
        leaseOwner: this.owner,
        leaseUntil: new Date(now.getTime() + this.settings.leaseMs),
      });
    } catch (err) {
      await this.items.deleteMany({ jobId });
      // The same key arrived twice at once: the other call stored its job first.
      const winner = await this.jobs.findOne({ startedBy: by.id, idempotencyKey }).lean();
      if (winner) return this.sameRequest(winner, hash, locale);
      throw err;
    }
    const job = await this.jobs.findById(jobId).lean();
    this.run(job!);
    return this.get(String(jobId), locale);
  }

  async get(id: string, locale: Locale): Promise<AccountJob> {
    const job = await this.jobs.findById(id).lean();
    if (!job) throw new PortalError('E_NOT_FOUND', { key: 'accountJob.notFound' });
    const items = await this.items
      .find({ jobId: job._id }, { sealedPassword: 0 })
      .sort({ index: 1 })
      .lean();
    const progress = progressOf(items.map((item) => item.status));
    return {
      id: String(job._id),
      status: job.status,
      total: job.total,
      ...progress,
      startedBy: job.startedBy,
      startedAt: job.startedAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
      passwords: job.passwords,
      passwordsExpireAt: job.passwordsExpireAt.toISOString(),
      items: items.map((item) => ({
        unitCode: item.unitCode,
        unitName: item.unitName,
        username: item.username,
        // `creating` is a step of the worker, not a result.
        status: item.status === 'creating' ? 'pending' : item.status,
        accountId: item.account?.id ?? null,
        reason: item.reason ? formatMessage(item.reason.key, item.reason.params, locale) : null,
      })),
    };
  }

  /**
   * The finished job's temporary passwords, for the admin who started it, once: the job is
   * marked `taken` before they are read, and they are deleted before the reply.
   */
  async takePasswords(id: string, by: AuthUser): Promise<AccountJobPasswords> {
    const job = await this.jobs.findById(id).lean();
    if (!job) throw new PortalError('E_NOT_FOUND', { key: 'accountJob.notFound' });
    if (job.startedBy !== by.id)
      throw new PortalError('E_FORBIDDEN', { key: 'accountJob.passwords.notYours' });
    if (job.status === 'running')
      throw new PortalError('E_CONFLICT', { key: 'accountJob.running' });

    const claimed = await this.jobs.findOneAndUpdate(
      { _id: job._id, passwords: 'available', passwordsExpireAt: { $gt: new Date() } },
      { $set: { passwords: 'taken' } },
      { returnDocument: 'after' },
    );
    if (!claimed) {
      const now = await this.jobs.findById(id).lean();
      const key: MessageKey =
        now?.passwords === 'taken'
          ? 'accountJob.passwords.taken'
          : now?.passwords === 'none'
            ? 'accountJob.passwords.none'
            : 'accountJob.passwords.expired';
      throw new PortalError('E_CONFLICT', { key });
    }

    try {
      const sealed = await this.items
        .find({ jobId: job._id, status: 'created', sealedPassword: { $exists: true } })
        .sort({ index: 1 })
        .lean();
      let issued: IssuedAccount[];
      try {
        issued = sealed.map((item) => ({
          account: item.account!,
          temporaryPassword: this.vault.decrypt(item.sealedPassword!, binding(item)),
        }));
      } catch (err) {
        throw new PortalError('E_CONFLICT', {
          key: 'accountJob.passwords.unreadable',
          cause: err instanceof Error ? err.message : String(err),
        });
      }
      await recordAudit(this.db, by, {
        action: 'accountJob.passwordsTaken',
        target: `accountJob:${id}`,
        before: null,
        after: { accounts: issued.length },
        units: issued.map(({ account }) => account.unit).filter((u): u is string => !!u),
        accounts: issued.map(({ account }) => account.id),
      });
      return { items: issued };
    } finally {
      // Shown once: gone whatever happened above.
      await this.items.updateMany({ jobId: job._id }, { $unset: { sealedPassword: 1 } });
    }
  }

  /** Resumes the jobs no live node holds and purges expired passwords, now and periodically. */
  startRunning(): void {
    const sweep = () =>
      void this.sweep().catch((err) => this.logger.warn('Account job sweep failed', String(err)));
    sweep();
    this.sweepTimer = setInterval(sweep, this.settings.sweepMs);
  }

  /**
   * Lets the units being created finish, then gives up the leases so that the next node resumes
   * at once rather than after the lease.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    await Promise.allSettled(this.running.values());
    await this.jobs.updateMany(
      { leaseOwner: this.owner, status: 'running' },
      { $set: { leaseOwner: null, leaseUntil: null } },
    );
  }

  private sameRequest(job: AccountJobDocument, hash: string, locale: Locale): Promise<AccountJob> {
    if (job.requestHash !== hash)
      throw new PortalError('E_CONFLICT', {
        key: 'accountJob.idempotencyKey.reused',
        fields: [{ field: 'idempotencyKey', key: 'accountJob.idempotencyKey.reused' }],
      });
    return this.get(String(job._id), locale);
  }

  private async sweep(): Promise<void> {
    const now = new Date();
    await this.items.updateMany(
      { passwordExpiresAt: { $lte: now }, sealedPassword: { $exists: true } },
      { $unset: { sealedPassword: 1 } },
    );
    await this.jobs.updateMany(
      { passwordsExpireAt: { $lte: now }, passwords: { $in: ['pending', 'available'] } },
      { $set: { passwords: 'expired' } },
    );
    while (!this.stopping) {
      const job = await this.jobs
        .findOneAndUpdate(
          {
            status: 'running',
            $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
          },
          {
            $set: {
              leaseOwner: this.owner,
              leaseUntil: new Date(now.getTime() + this.settings.leaseMs),
            },
          },
          { returnDocument: 'after' },
        )
        .lean();
      if (!job) break;
      this.logger.info(`Resuming account job ${String(job._id)}`);
      this.run(job);
    }
  }

  private run(job: AccountJobDocument): void {
    const id = String(job._id);
    if (this.running.has(id)) return;
    const done = this.process(job)
      .catch((err) => this.logger.error(`Account job ${id} stopped`, String(err)))
      .finally(() => this.running.delete(id));
    this.running.set(id, done);
  }

  private async process(job: AccountJobDocument): Promise<void> {
    const renew = setInterval(
      () =>
        void this.jobs
          .updateOne(
            { _id: job._id, leaseOwner: this.owner },
            { $set: { leaseUntil: new Date(Date.now() + this.settings.leaseMs) } },
          )
          .catch(() => undefined),
      this.settings.leaseMs / 3,
    );
    try {
      const todo = await this.items
        .find({ jobId: job._id, status: { $in: ['pending', 'creating'] } })
        .sort({ index: 1 })
        .lean();
      let next = 0;
      const worker = async () => {
        while (!this.stopping && next < todo.length) await this.processItem(job, todo[next++]!);
      };
      await Promise.all(
        Array.from({ length: Math.min(this.settings.concurrency, todo.length) }, worker),
      );
      if (this.stopping) return;
      const created = await this.items.countDocuments({ jobId: job._id, status: 'created' });
      await this.jobs.updateOne(
        { _id: job._id, leaseOwner: this.owner },
        {
          $set: {
            status: 'finished',
            finishedAt: new Date(),
            passwords:
              created === 0
                ? 'none'
                : job.passwordsExpireAt.getTime() <= Date.now()
                  ? 'expired'
                  : 'available',
            leaseOwner: null,
            leaseUntil: null,
          },
        },
      );
    } finally {
      clearInterval(renew);
    }
  }

  /** One unit: `exists` when its username is taken, else created (or `failed`, with why). */
  private async processItem(job: AccountJobDocument, item: AccountJobItemDocument): Promise<void> {
    const by = { id: job.startedBy };
    try {
      const found = await this.directory.findByUsername(item.username);
      if (found && item.status === 'creating') {
        // This job was creating it when its node stopped: the password it set is lost, so it
        // gets a new one (and the roles, in case they were not granted yet).
        await this.directory.grantRoles(found.id, item.roles);
        const temporaryPassword = generateTemporaryPassword(item.username);
        await this.directory.resetPassword(found.id, temporaryPassword);
        const account = toAccount(await this.directory.getUser(found.id));
        await this.created(
          item,
          { account, temporaryPassword },
          { key: 'accountJob.item.recovered' },
        );
        await recordAudit(this.db, by, audit('account.created', account.id, null, account));
        return;
      }
      if (found) {
        await this.items.updateOne(
          { _id: item._id },
          { $set: { status: 'exists', account: toAccount(found) } },
        );
        return;
      }
      await this.items.updateOne({ _id: item._id }, { $set: { status: 'creating' } });
      const issued = await createOne(this.directory, {
        unit: { code: item.unitCode, name: item.unitName },
        username: item.username,
        roles: item.roles,
        firstName: item.firstName,
        lastName: item.lastName,
        email: item.email,
      });
      await this.created(item, issued, null);
      await recordAudit(
        this.db,
        by,
        audit('account.created', issued.account.id, null, issued.account),
      );
    } catch (err) {
      await this.items.updateOne(
        { _id: item._id },
        { $set: { status: 'failed', reason: failureReason(err, item.username) } },
      );
    }
  }

  private async created(
    item: AccountJobItemDocument,
    { account, temporaryPassword }: IssuedAccount,
    reason: Reason | null,
  ): Promise<void> {
    await this.items.updateOne(
      { _id: item._id },
      {
        $set: {
          status: 'created',
          account,
          reason,
          sealedPassword: this.vault.encrypt(temporaryPassword, binding(item)),
        },
      },
    );
  }
}

/** What a sealed password is bound to: its job and username, so it opens nowhere else. */
const binding = (item: Pick<AccountJobItemDocument, 'jobId' | 'username'>) =>
  `${String(item.jobId)}/${item.username}`;

function failureReason(err: unknown, username: string): Reason {
  const key = err instanceof PortalError ? (err.data as { key?: unknown } | undefined)?.key : null;
  // The single-call text says nothing was created this time; in a job, other units were.
  if (!isMessageKey(key) || key === 'account.create.failed')
    return { key: 'accountJob.item.failed', params: { username } };
  const params = (err as PortalError).data as { params?: Record<string, string | number> };
  return { key, params: params.params ?? {} };
}
