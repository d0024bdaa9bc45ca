import { caSource, describeConfigIssue } from './configValues';

describe('caSource', () => {
  it('tells inline PEM from a file path', () => {
    expect(caSource(undefined)).toBeUndefined();
    expect(caSource('/etc/ssl/ca.pem')).toEqual({ file: '/etc/ssl/ca.pem' });
    const pem = '-----BEGIN CERTIFICATE-----\nMII…\n-----END CERTIFICATE-----';
    expect(caSource(pem)).toEqual({ pem });
  });
});

describe('describeConfigIssue', () => {
  it('names the full key of a missing, unknown or invalid setting', () => {
    const path = 'auth.providers.ldap.development';
    expect(
      describeConfigIssue(path, {
        code: 'invalid_type',
        path: ['bind', 'password'],
        message: 'Required',
        received: 'undefined',
      }),
    ).toBe(`${path}.bind.password is required`);
    expect(
      describeConfigIssue(path, {
        code: 'unrecognized_keys',
        path: ['users'],
        message: 'Unrecognized keys',
        keys: ['fliter'],
      }),
    ).toBe(`${path}.users.fliter is not a known setting`);
    expect(
      describeConfigIssue(path, {
        code: 'too_small',
        path: ['urls', 0],
        message: 'must not be empty',
      }),
    ).toBe(`${path}.urls.0 must not be empty`);
  });
});
