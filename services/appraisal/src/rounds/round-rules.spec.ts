import type { PeriodPhase } from '@par/contracts';
import { unitAppraisalState, type UnitStateFacts } from './round-rules';

/** A submitted, opened unit of 4 entries, every one appraised in round 1 and carried to round 2. */
const done = (phase: PeriodPhase): UnitStateFacts => ({
  scoreZero: false,
  ready: true,
  opened: true,
  entries: 4,
  round1Appraised: 4,
  round2Appraised: 4,
  phase,
});

describe("a unit's appraisal state on the admin's board", () => {
  it.each<[PeriodPhase, string]>([
    ['appraisalRound1', 'round1Done'],
    // Nobody questioned it, so round 2 would already count it, yet round 2 has not begun.
    ['clarification', 'round1Done'],
    ['appraisalRound2', 'round2Done'],
    ['consolidation', 'round2Done'],
    ['published', 'round2Done'],
  ])('in %s, a unit fully appraised in round 1 is %s', (phase, state) => {
    expect(unitAppraisalState(done(phase))).toBe(state);
  });

  it('names the states before and during round 1', () => {
    const base = done('appraisalRound1');
    expect(unitAppraisalState({ ...base, scoreZero: true, ready: false })).toBe('scoreZero');
    expect(unitAppraisalState({ ...base, ready: false })).toBe('notReady');
    const fresh = { ...base, opened: false, round1Appraised: 0, round2Appraised: 0 };
    expect(unitAppraisalState(fresh)).toBe('notOpened');
    expect(unitAppraisalState({ ...fresh, opened: true })).toBe('round1');
    expect(unitAppraisalState({ ...fresh, round1Appraised: 3, round2Appraised: 3 })).toBe('round1');
  });

  it('keeps a questioned unit in round 1 done until round 2 settles it', () => {
    expect(unitAppraisalState({ ...done('appraisalRound2'), round2Appraised: 3 })).toBe(
      'round1Done',
    );
  });

  it('never calls a unit without assigned entries done', () => {
    const empty = {
      ...done('appraisalRound2'),
      entries: 0,
      round1Appraised: 0,
      round2Appraised: 0,
    };
    expect(unitAppraisalState(empty)).toBe('round1');
    expect(unitAppraisalState({ ...empty, opened: false })).toBe('notOpened');
  });
});
