import { writeWindow } from './write-window';

const HOUR = 3_600_000;
const now = new Date('2026-03-10T03:00:00Z');
const t = (hours: number) => new Date(now.getTime() + hours * HOUR);

/** Trial 2 days, self-assessment ending in 5 hours, then appraisal. */
const phases = [
  { phase: 'setup' as const, startsAt: t(-100), endsAt: t(-72) },
  { phase: 'trial' as const, startsAt: t(-72), endsAt: t(-24) },
  { phase: 'selfAssessment' as const, startsAt: t(-24), endsAt: t(5) },
  { phase: 'appraisalRound1' as const, startsAt: t(5), endsAt: t(48) },
  { phase: 'clarification' as const, startsAt: t(48), endsAt: t(72) },
];
const extension = (hours: number) => ({
  unitCode: 'STP',
  phase: 'selfAssessment' as const,
  endsAt: t(hours),
  reason: 'Sáp nhập',
  by: 'admin',
  at: t(-30),
});

describe('writeWindow', () => {
  // Hand-made table: phase, the unit's extensions, status, the moment → the reason (null: open).
  it.each([
    ['setup', [], 'draft', 0, 'notOpen'],
    ['trial', [], 'draft', -48, null],
    ['trial', [], 'submitted', -48, 'submitted'],
    ['selfAssessment', [], 'draft', 0, null],
    ['selfAssessment', [], 'submitted', 0, 'submitted'],
    ['selfAssessment', [], 'draft', 5, 'deadlinePassed'],
    ['selfAssessment', [], 'submitted', 6, 'deadlinePassed'],
    ['appraisalRound1', [], 'draft', 6, 'deadlinePassed'],
    ['appraisalRound1', [extension(10)], 'draft', 6, null],
    ['appraisalRound1', [extension(10)], 'draft', 10, 'deadlinePassed'],
    // The latest-made extension wins, though it ends earlier.
    ['appraisalRound1', [extension(20), extension(7)], 'draft', 8, 'deadlinePassed'],
    ['clarification', [extension(60)], 'draft', 50, 'phaseClosed'],
    ['published', [], 'draft', 100, 'phaseClosed'],
  ] as const)('%s with %j, %s, at +%dh: %s', (currentPhase, extensions, status, at, reason) => {
    const window = writeWindow(
      { currentPhase, phases, extensions: [...extensions] },
      'STP',
      status,
      t(at),
    );
    expect(window.readOnly).toBe(reason);
  });

  it('names the self-assessment deadline with the extension in force', () => {
    const window = writeWindow(
      { currentPhase: 'appraisalRound1', phases, extensions: [extension(10)] },
      'STP',
      'draft',
      t(6),
    );
    expect(window.deadline).toMatchObject({
      phase: 'selfAssessment',
      endsAt: t(10).toISOString(),
      commonEndsAt: t(5).toISOString(),
      extension: { reason: 'Sáp nhập' },
    });
    // Another unit has no extension: the common end.
    expect(
      writeWindow(
        { currentPhase: 'selfAssessment', phases, extensions: [extension(10)] },
        'SNV',
        'draft',
        now,
      ).deadline,
    ).toMatchObject({ endsAt: t(5).toISOString(), extension: null });
  });
});
