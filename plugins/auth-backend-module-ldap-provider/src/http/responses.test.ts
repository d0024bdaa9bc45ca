import { sessionCookieOptions } from './responses';

describe('sessionCookieOptions', () => {
  it('is lax, httpOnly and not secure on http', () => {
    expect(
      sessionCookieOptions(
        'http://127.0.0.1:7007/api/auth',
        'http://127.0.0.1:3000',
        'ldap',
      ),
    ).toEqual({
      httpOnly: true,
      secure: false,
      sameSite: 'lax',
      path: '/api/auth/ldap',
    });
  });

  it('is secure on https', () => {
    expect(
      sessionCookieOptions(
        'https://portal.example.com/api/auth/',
        'https://portal.example.com',
        'ldap',
      ),
    ).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/api/auth/ldap',
    });
  });

  it('is sameSite none for an app on another https host', () => {
    expect(
      sessionCookieOptions(
        'https://backend.example.com/api/auth',
        'https://portal.example.com',
        'ldap',
      ).sameSite,
    ).toBe('none');
  });
});
