import { pageFor, surveyPath } from './routes';

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
