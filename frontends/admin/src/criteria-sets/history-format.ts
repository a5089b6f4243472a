/**
 * How one entry of the assessment audit trail reads in the "Lịch sử thay đổi" drawer: who, and
 * a few short lines on what changed, from the fields each action records.
 */
import type { AssessmentAuditEntry } from '@par/contracts';

/** i18next's `t`, narrowed to what the lines need, so they can be tested without React. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

type Fields = Record<string, unknown>;

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => String(v)) : [];

/**
 * The actor as people know them; a service acting on its own (the period scheduler, whose
 * Keycloak account is `service-account-par-assessment`; `scheduler` in older entries) is the
 * system.
 */
export function historyActor(entry: AssessmentAuditEntry, t: Translate): string {
  const { id, username } = entry.actor;
  if (id === 'scheduler' || id === 'system' || username?.startsWith('service-account-')) {
    return t('criteriaSets.history.system');
  }
  return entry.actor.username ?? entry.actor.id;
}

/** Short lines on what an entry changed; `points` formats hundredths for the reader. */
export function historyLines(
  entry: AssessmentAuditEntry,
  t: Translate,
  points: (hundredths: number) => string,
): string[] {
  const before: Fields = entry.before ?? {};
  const after: Fields = entry.after ?? {};
  const lines: string[] = [];
  const total = (fields: Fields) =>
    typeof fields.totalMax === 'number' ? points(fields.totalMax) : '—';
  switch (entry.action) {
    case 'index.created':
      lines.push(t('criteriaSets.history.line.index', { code: after.code, name: after.name }));
      break;
    case 'criteriaSet.created': {
      const origin = (after.origin ?? {}) as Fields;
      lines.push(
        t(`criteriaSets.history.origin.${String(origin.kind)}`, {
          templateKey: origin.templateKey,
          fileName: origin.fileName,
          defaultValue: String(origin.kind ?? ''),
        }),
      );
      lines.push(
        t('criteriaSets.history.line.figures', { leaves: after.leafCount, total: total(after) }),
      );
      break;
    }
    case 'criteriaSet.saved': {
      const changes = (after.changes ?? {}) as Fields;
      const changed = Array.isArray(changes.changed)
        ? (changes.changed as { code: string; fields: string[] }[])
        : [];
      if ((after.origin as Fields | undefined)?.kind === 'import') {
        lines.push(
          t('criteriaSets.history.origin.import', { fileName: (after.origin as Fields).fileName }),
        );
      }
      const added = list(changes.added);
      const removed = list(changes.removed);
      const moved = list(changes.moved);
      if (added.length)
        lines.push(t('criteriaSets.history.line.added', { codes: added.join(', ') }));
      if (removed.length)
        lines.push(t('criteriaSets.history.line.removed', { codes: removed.join(', ') }));
      for (const c of changed) {
        const fields = c.fields
          .map((f) => t(`criteriaSets.history.field.${f}`, { defaultValue: f }))
          .join(', ');
        lines.push(t('criteriaSets.history.line.changed', { code: c.code, fields }));
      }
      if (moved.length) lines.push(t('criteriaSets.history.line.moved', { count: moved.length }));
      if (before.name !== after.name)
        lines.push(t('criteriaSets.history.line.name', { before: before.name, after: after.name }));
      if ((before.description ?? null) !== (after.description ?? null)) {
        lines.push(
          after.description
            ? t('criteriaSets.history.line.description')
            : t('criteriaSets.history.line.descriptionCleared'),
        );
      }
      if (before.totalMax !== after.totalMax) {
        lines.push(
          t('criteriaSets.history.line.total', { before: total(before), after: total(after) }),
        );
      }
      if (lines.length === 0) lines.push(t('criteriaSets.history.line.noChange'));
      break;
    }
    case 'criteriaSet.deleted':
      lines.push(
        t('criteriaSets.history.line.deleted', { name: before.name, edition: before.edition }),
      );
      break;
    case 'criteriaSet.markedInUse':
      lines.push(t('criteriaSets.history.line.inUse'));
      break;
    case 'period.phaseChanged':
      lines.push(
        t('criteriaSets.history.line.phase', {
          before: t(`periods.phase.${String(before.currentPhase)}`),
          after: t(`periods.phase.${String(after.currentPhase)}`),
        }),
      );
      break;
    case 'period.deadlineExtended':
      lines.push(
        t('criteriaSets.history.line.extension', {
          unit: after.unitCode,
          phase: t(`periods.phase.${String(after.phase)}`),
          reason: after.reason,
        }),
      );
      break;
    case 'period.created':
    case 'period.updated':
      lines.push(t('criteriaSets.history.line.period', { name: after.name }));
      break;
    default:
      break;
  }
  return lines;
}
