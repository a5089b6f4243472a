import { consultationPath, consultationsPath, pageFor } from '../standalone/routes';

describe('the consultation pages’ paths', () => {
  const id = '65a1b2c3d4e5f60718293a4b';

  it('opens the list and one consultation by its link', () => {
    expect(pageFor('/cong-khai/gop-y')).toEqual({ page: 'consultations' });
    expect(pageFor('/cong-khai/gop-y/')).toEqual({ page: 'consultations' });
    expect(pageFor(`/cong-khai/gop-y/${id}`)).toEqual({ page: 'consultation', id });
    expect(pageFor(`/cong-khai/gop-y/${id}/x`)).toEqual({ page: 'home' });
  });

  it('reads back the links it builds', () => {
    expect(consultationsPath).toBe('/cong-khai/gop-y');
    expect(pageFor(consultationPath(id))).toEqual({ page: 'consultation', id });
  });
});
