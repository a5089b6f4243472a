import { initialValues, toParams } from './form-state';

describe('account request form state', () => {
  it('starts with the requester’s unit and one empty person', () => {
    expect(initialValues('SNV')).toEqual({
      unitCode: 'SNV',
      people: [{ fullName: '', email: '', kind: 'dataEntry' }],
      reason: '',
    });
  });

  it('turns an approver into data entry plus unit-approver', () => {
    expect(
      toParams({
        unitCode: 'SNV',
        reason: 'Bổ sung',
        people: [
          { fullName: 'Nguyễn Văn An', email: '', kind: 'dataEntry' },
          { fullName: 'Trần Thị Bình', email: 'b@example.vn', kind: 'approver' },
        ],
      }).people.map((p) => p.roles),
    ).toEqual([['data-entry'], ['data-entry', 'unit-approver']]);
  });
});
