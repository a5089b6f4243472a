import { pageFor, resultUnitPath, resultsChoice, resultsPath, surveyPath } from './routes';

const campaignId = '65a1b2c3d4e5f60718293a4b';

describe('pageFor', () => {
  it('opens a unit’s survey by its link', () => {
    expect(pageFor(`/cong-khai/khao-sat/${campaignId}/STP`)).toEqual({
      page: 'survey',
      campaignId,
      unitCode: 'STP',
    });
    expect(pageFor(`/cong-khai/khao-sat/${campaignId}/STP/`).page).toBe('survey');
  });

  it('opens home for anything else', () => {
    expect(pageFor('/')).toEqual({ page: 'home' });
    expect(pageFor('/cong-khai/khao-sat/')).toEqual({ page: 'home' });
    expect(pageFor(`/cong-khai/khao-sat/${campaignId}`)).toEqual({ page: 'home' });
    expect(pageFor(`/khao-sat/${campaignId}/STP`)).toEqual({ page: 'home' });
  });

  it('reads back the links it builds, with codes that need escaping', () => {
    expect(surveyPath(campaignId, 'X THANH/BA')).toBe(
      `/cong-khai/khao-sat/${campaignId}/X%20THANH%2FBA`,
    );
    expect(pageFor(surveyPath(campaignId, 'X THANH/BA'))).toEqual({
      page: 'survey',
      campaignId,
      unitCode: 'X THANH/BA',
    });
  });
});

describe('the published results’ paths', () => {
  it('opens the results and a unit’s result', () => {
    expect(pageFor('/cong-khai/ket-qua')).toEqual({ page: 'results' });
    expect(pageFor('/cong-khai/ket-qua/')).toEqual({ page: 'results' });
    expect(pageFor(`/cong-khai/ket-qua/${campaignId}/STP`)).toEqual({
      page: 'resultUnit',
      periodId: campaignId,
      unitCode: 'STP',
    });
    expect(pageFor(`/cong-khai/ket-qua/${campaignId}`)).toEqual({ page: 'home' });
  });

  it('reads back the choice and the unit it writes', () => {
    expect(resultsPath()).toBe('/cong-khai/ket-qua');
    const path = resultsPath({ periodId: campaignId, unitGroup: 'Sở, ban & ngành' });
    expect(path).toBe(`/cong-khai/ket-qua?dot=${campaignId}&nhom=S%E1%BB%9F%2C+ban+%26+ng%C3%A0nh`);
    expect(resultsChoice(path.slice(path.indexOf('?')))).toEqual({
      periodId: campaignId,
      unitGroup: 'Sở, ban & ngành',
    });
    expect(pageFor(resultUnitPath(campaignId, 'X THANH/BA'))).toEqual({
      page: 'resultUnit',
      periodId: campaignId,
      unitCode: 'X THANH/BA',
    });
  });
});
