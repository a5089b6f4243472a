import { directSurveyPath, onlineSurveyPath, pageFor } from './routes';

describe('pageFor', () => {
  it('opens the citizens’ and the surveyors’ form by their paths', () => {
    expect(pageFor('/khao-sat/abc123')).toEqual({ page: 'online', linkId: 'abc123' });
    expect(pageFor('/truc-tiep/abc123/')).toEqual({ page: 'direct', linkId: 'abc123' });
  });

  it('opens home for anything else', () => {
    expect(pageFor('/')).toEqual({ page: 'home' });
    expect(pageFor('/khao-sat/')).toEqual({ page: 'home' });
    expect(pageFor('/khao-sat/a/b')).toEqual({ page: 'home' });
  });

  it('reads back the paths it builds', () => {
    expect(pageFor(onlineSurveyPath('x y'))).toEqual({ page: 'online', linkId: 'x y' });
    expect(pageFor(directSurveyPath('z'))).toEqual({ page: 'direct', linkId: 'z' });
  });
});
