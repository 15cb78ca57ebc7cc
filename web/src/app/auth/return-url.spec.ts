import { LOGIN_PATH, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('accepts a path of this app, with its query', () => {
    expect(safeReturnUrl('/sprawy/123?zakladka=obietnice')).toBe('/sprawy/123?zakladka=obietnice');
  });

  it('refuses anything that could lead to another site', () => {
    expect(safeReturnUrl('https://example.org/')).toBeNull();
    expect(safeReturnUrl('//example.org/')).toBeNull();
    expect(safeReturnUrl('/\\example.org')).toBeNull();
    expect(safeReturnUrl('sprawy')).toBeNull();
  });

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnUrl(LOGIN_PATH)).toBeNull();
    expect(safeReturnUrl(`${LOGIN_PATH}?powrot=/sprawy`)).toBeNull();
    expect(safeReturnUrl(`${LOGIN_PATH}/`)).toBeNull();
    expect(safeReturnUrl('/logowanie-pomoc')).toBe('/logowanie-pomoc');
  });

  it('has nothing for nothing', () => {
    expect(safeReturnUrl(null)).toBeNull();
    expect(safeReturnUrl('')).toBeNull();
  });
});
