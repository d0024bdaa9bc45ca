import { withoutVersionLine } from './loadLdif';

describe('withoutVersionLine', () => {
  it('drops a leading version line and the blank lines after it', () => {
    expect(withoutVersionLine('version: 1\n\ndn: o=corp\no: corp\n')).toBe(
      'dn: o=corp\no: corp\n',
    );
    expect(withoutVersionLine('version: 1\r\ndn: o=corp\r\n')).toBe(
      'dn: o=corp\r\n',
    );
  });

  it('leaves LDIF without a version line alone', () => {
    const ldif = 'dn: o=corp\ndescription: version: 1\n';
    expect(withoutVersionLine(ldif)).toBe(ldif);
  });
});
