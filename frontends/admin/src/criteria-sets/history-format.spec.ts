import type { AssessmentAuditEntry } from '@par/contracts';
import { historyActor, historyLines, type Translate } from './history-format';

// Keys and values side by side: the test reads what the drawer would say, in any language.
const t: Translate = (key, values = {}) => {
  const shown = Object.entries(values)
    .filter(([name]) => name !== 'defaultValue')
    .map(([name, value]) => `${name}=${String(value)}`);
  return shown.length ? `${key}(${shown.join(' ')})` : key;
};
const points = (h: number) => (h / 100).toString().replace('.', ',');

const entry = (over: Partial<AssessmentAuditEntry>): AssessmentAuditEntry => ({
  id: '1',
  at: '2026-11-23T03:00:00.000Z',
  actor: { id: 'u1', username: 'admin.snv' },
  action: 'criteriaSet.saved',
  target: 'criteriaSet:x',
  before: null,
  after: null,
  ...over,
});

describe('historyLines', () => {
  it('says which nodes a save added, removed, changed and moved, and the new total', () => {
    const lines = historyLines(
      entry({
        before: { name: 'Bộ A', description: 'cũ', totalMax: 30000 },
        after: {
          name: 'Bộ A',
          description: null,
          totalMax: 14550,
          origin: { kind: 'editor' },
          changes: {
            added: ['1.3'],
            removed: ['2', '2.1'],
            changed: [{ code: '1.2', fields: ['title', 'maxScore'] }],
            moved: ['1.4', '1.5'],
          },
        },
      }),
      t,
      points,
    );
    expect(lines).toEqual([
      'criteriaSets.history.line.added(codes=1.3)',
      'criteriaSets.history.line.removed(codes=2, 2.1)',
      'criteriaSets.history.line.changed(code=1.2 fields=criteriaSets.history.field.title, criteriaSets.history.field.maxScore)',
      'criteriaSets.history.line.moved(count=2)',
      'criteriaSets.history.line.descriptionCleared',
      'criteriaSets.history.line.total(before=300 after=145,5)',
    ]);
  });

  it('names a phase move by its phases and the clock as the system', () => {
    const moved = entry({
      action: 'period.phaseChanged',
      actor: { id: 'scheduler', username: null },
      before: { currentPhase: 'setup' },
      after: { currentPhase: 'selfAssessment' },
    });
    expect(historyLines(moved, t, points)).toEqual([
      'criteriaSets.history.line.phase(before=periods.phase.setup after=periods.phase.selfAssessment)',
    ]);
    expect(historyActor(moved, t)).toBe('criteriaSets.history.system');
    const byPrincipal = entry({
      actor: { id: 'b7e1', username: 'service-account-par-assessment' },
    });
    expect(historyActor(byPrincipal, t)).toBe('criteriaSets.history.system');
    expect(historyActor(entry({ actor: { id: 'u2', username: null } }), t)).toBe('u2');
  });
});
