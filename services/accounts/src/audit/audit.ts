/** Reading the audit trail: newest first, filtered, with actors' usernames from Keycloak. */
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import type { AuditEntryList, ListAuditEntriesParams } from '@par/contracts';
import { auditEntryModel, type AuditEntry } from '../models/audit-entry.model';
import type { KeycloakDirectory } from '../keycloak/keycloak-directory';
import { auditFilter, diffSnapshots, unitCodesOf } from './audit-rules';

export async function listAuditEntries(
  db: Connection,
  directory: KeycloakDirectory,
  params: z.output<typeof ListAuditEntriesParams>,
): Promise<AuditEntryList> {
  const Entries = auditEntryModel(db);
  const filter = auditFilter(params);
  const [docs, total] = await Promise.all([
    Entries.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<Array<AuditEntry & { _id: { toHexString(): string } }>>(),
    Entries.countDocuments(filter),
  ]);
  // Usernames are a nicety: Keycloak down or a deleted actor falls back to the id.
  const names = await directory
    .usernames(docs.map((doc) => doc.actor))
    .catch(() => new Map<string, string>());
  return {
    items: docs.map((doc) => ({
      id: doc._id.toHexString(),
      at: doc.at.toISOString(),
      actor: { id: doc.actor, username: names.get(doc.actor) ?? doc.actor },
      action: doc.action,
      target: doc.target,
      units: doc.units ?? unitCodesOf(doc.before, doc.after),
      accounts: doc.accounts ?? (doc.target.startsWith('account:') ? [doc.target.slice(8)] : []),
      changes: diffSnapshots(doc.before, doc.after),
    })),
    total,
  };
}
