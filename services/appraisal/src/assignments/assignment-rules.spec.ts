import type { AppraisalScope } from '@par/contracts';
import { checkAssignment, suggestFromAppraisingUnits } from './assignment-rules';

/** Group G: area 1 appraised by STP (its child 1.1 says STP too, 1.2 says STC), area 2 by nobody. */
const scope: AppraisalScope = {
  period: {
    id: 'p',
    name: 'Đợt thử',
    year: 2026,
    indexCode: 'PAR',
    currentPhase: 'setup',
    version: 1,
    phases: [],
    extensions: [],
  },
  units: [
    {
      code: 'A',
      name: 'A',
      unitGroup: 'G',
      ancestorCodes: ['P'],
      submitted: false,
      selfAssessmentEndsAt: null,
    },
  ],
  criteriaSets: [
    {
      unitGroup: 'G',
      criteriaSetId: 's',
      nodes: [
        {
          code: '1',
          parentCode: null,
          title: '1',
          leaf: false,
          appraised: false,
          appraiserUnitCode: 'STP',
        },
        {
          code: '1.1',
          parentCode: '1',
          title: '1.1',
          leaf: true,
          appraised: true,
          appraiserUnitCode: 'STP',
        },
        {
          code: '1.2',
          parentCode: '1',
          title: '1.2',
          leaf: true,
          appraised: true,
          appraiserUnitCode: 'STC',
        },
        {
          code: '2',
          parentCode: null,
          title: '2',
          leaf: false,
          appraised: false,
          appraiserUnitCode: null,
        },
        {
          code: '2.1',
          parentCode: '2',
          title: '2.1',
          leaf: true,
          appraised: true,
          appraiserUnitCode: 'SXD',
        },
      ],
    },
  ],
};

const appraisers = [
  { id: 'u1', username: 'tp.mot', unit: 'STP' },
  { id: 'u2', username: 'tp.hai', unit: 'STP' },
  { id: 'u3', username: 'tc.mot', unit: 'STC' },
];

describe('defaults from the criteria appraising units', () => {
  it('gives each unit the highest nodes whose leaves are all its own, so defaults never overlap', () => {
    // By hand: 1.1 → STP (itself), 1.2 → STC (itself, over its parent's STP), 2.1 → SXD.
    // Area 1 mixes STP and STC, so STP gets 1.1 and STC 1.2; area 2 is SXD's alone.
    expect(suggestFromAppraisingUnits(scope, appraisers)).toEqual({
      items: [
        {
          appraiserUnitCode: 'STC',
          criterionCodes: ['1.2'],
          unitGroups: ['G'],
          appraisers: [appraisers[2]],
        },
        {
          appraiserUnitCode: 'STP',
          criterionCodes: ['1.1'],
          unitGroups: ['G'],
          appraisers: [appraisers[0], appraisers[1]],
        },
      ],
      unitsWithoutAppraisers: ['SXD'],
    });
  });
});

describe('an assignment checked against its period', () => {
  it('names each unknown appraiser, code and unit', () => {
    expect(
      checkAssignment(
        {
          name: '',
          appraiserIds: ['u1', 'khach'],
          criterionCodes: ['1', '9'],
          units: { kind: 'units', unitCodes: ['A', 'Z'] },
        },
        scope,
        appraisers,
      ),
    ).toEqual([
      {
        field: 'appraiserIds',
        key: 'assignment.appraiser.unknown',
        params: { appraiser: 'khach' },
      },
      { field: 'criterionCodes', key: 'assignment.criterion.unknown', params: { code: '9' } },
      { field: 'units', key: 'assignment.unit.unknown', params: { code: 'Z' } },
    ]);
  });

  it('refuses a subtree with no participating unit below its root', () => {
    expect(
      checkAssignment(
        {
          name: '',
          appraiserIds: ['u1'],
          criterionCodes: ['1'],
          units: { kind: 'subtree', rootCode: 'A', includeRoot: false },
        },
        scope,
        appraisers,
      ),
    ).toEqual([{ field: 'units', key: 'assignment.subtree.empty', params: { code: 'A' } }]);
  });
});
