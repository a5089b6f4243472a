import { pageFor, questionPath, questionsPath, questionsUnit } from '../standalone/routes';

describe('the question pages’ paths', () => {
  const id = '65a1b2c3d4e5f60718293a4b';

  it('opens the list and one question by its link', () => {
    expect(pageFor('/cong-khai/hoi-dap')).toEqual({ page: 'questions' });
    expect(pageFor('/cong-khai/hoi-dap/')).toEqual({ page: 'questions' });
    expect(pageFor(`/cong-khai/hoi-dap/${id}`)).toEqual({ page: 'question', id });
    expect(pageFor(`/cong-khai/hoi-dap/${id}/x`)).toEqual({ page: 'home' });
  });

  it('keeps the unit in the link, and reads it back in capitals', () => {
    expect(questionsPath()).toBe('/cong-khai/hoi-dap');
    expect(questionsPath('STP')).toBe('/cong-khai/hoi-dap?don-vi=STP');
    expect(questionsUnit('?don-vi=stp')).toBe('STP');
    expect(questionsUnit('?don-vi=')).toBeUndefined();
    expect(questionsUnit('')).toBeUndefined();
    expect(pageFor(questionPath(id))).toEqual({ page: 'question', id });
  });
});
