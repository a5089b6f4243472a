import { directSurveyPath, onlineSurveyPath, pageFor } from './routes';

describe('pageFor', () => {
  it('opens the citizens’ and the surveyors’ form by their paths', () => {
    expect(pageFor('/cong-khai/khao-sat/abc123')).toEqual({ page: 'online', linkId: 'abc123' });
    expect(pageFor('/cong-khai/truc-tiep/abc123/')).toEqual({ page: 'direct', linkId: 'abc123' });
  });

  it('opens home for anything else', () => {
    expect(pageFor('/')).toEqual({ page: 'home' });
    expect(pageFor('/cong-khai/khao-sat/')).toEqual({ page: 'home' });
    expect(pageFor('/cong-khai/khao-sat/a/b')).toEqual({ page: 'home' });
  });

  it('needs the public prefix', () => {
    expect(onlineSurveyPath('abc')).toBe('/cong-khai/khao-sat/abc');
    expect(pageFor('/khao-sat/abc')).toEqual({ page: 'home' });
  });

  it('reads back the paths it builds', () => {
    expect(pageFor(onlineSurveyPath('x y'))).toEqual({ page: 'online', linkId: 'x y' });
    expect(pageFor(directSurveyPath('z'))).toEqual({ page: 'direct', linkId: 'z' });
  });
});
