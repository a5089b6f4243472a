import type { AuthUser } from '@par/contracts';
import { listingUnit, readAccess, writeAccess } from './file-access';

const user = (roles: string[], unit: string | null): AuthUser => ({
  id: 'u',
  username: 'u',
  roles,
  unit,
});

const officerStp = user(['data-entry'], 'STP');
const approverStp = user(['data-entry', 'unit-approver'], 'STP');
const officerNoUnit = user(['data-entry'], null);
const admin = user(['admin'], 'SNV');
const appraiser = user(['appraisal'], 'STP');
const nobody = user([], 'STP');

describe('who may read and write a unit’s evidence', () => {
  // [caller, unit of the files, write, read], written out by hand.
  it.each([
    ['an officer, own unit', officerStp, 'STP', 'allowed', 'allowed'],
    ['an officer, another unit', officerStp, 'SNV', 'otherUnit', 'otherUnit'],
    ['an approver, own unit', approverStp, 'STP', 'allowed', 'allowed'],
    ['an officer bound to no unit', officerNoUnit, 'STP', 'noUnit', 'noUnit'],
    ['an admin, any unit', admin, 'STP', 'forbidden', 'allowed'],
    ['an admin, own unit', admin, 'SNV', 'forbidden', 'allowed'],
    ['an appraiser (until issue 11)', appraiser, 'STP', 'forbidden', 'forbidden'],
    ['a user with no role', nobody, 'STP', 'forbidden', 'forbidden'],
  ] as const)('%s', (_who, caller, unit, write, read) => {
    expect({ write: writeAccess(caller, unit), read: readAccess(caller, unit) }).toEqual({
      write,
      read,
    });
  });
});

describe('listingUnit', () => {
  it.each([
    ['an officer asking nothing gets the own unit', officerStp, undefined, { unitCode: 'STP' }],
    ['an officer naming the own unit gets it', officerStp, 'STP', { unitCode: 'STP' }],
    ['an officer naming another unit is refused', officerStp, 'SNV', { refused: 'otherUnit' }],
    ['an officer bound to no unit is refused', officerNoUnit, undefined, { refused: 'noUnit' }],
    ['an admin asking nothing gets every unit', admin, undefined, { unitCode: null }],
    ['an admin naming a unit gets it', admin, 'STP', { unitCode: 'STP' }],
    ['an appraiser is refused', appraiser, 'STP', { refused: 'forbidden' }],
  ] as const)('%s', (_what, caller, asked, expected) => {
    expect(listingUnit(caller, asked)).toEqual(expected);
  });
});
