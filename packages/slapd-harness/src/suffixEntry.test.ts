import {
  ldifContainsEntry,
  suffixEntryLdif,
  withSuffixEntry,
} from './suffixEntry';

describe('suffixEntry', () => {
  it('derives the suffix entry from its first RDN', () => {
    expect(suffixEntryLdif('dc=example,dc=com')).toBe(
      'dn: dc=example,dc=com\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: example',
    );
    expect(suffixEntryLdif('ou=Demo,o=corp')).toContain(
      'objectClass: organizationalUnit\nou: Demo',
    );
    expect(suffixEntryLdif('l=Berlin')).toBeUndefined();
  });

  it('recognises the suffix entry in plain, spaced and base64 form', () => {
    expect(
      ldifContainsEntry(
        'dn: DC=Example, DC=com\nobjectClass: x\n',
        'dc=example,dc=com',
      ),
    ).toBe(true);
    const encoded = Buffer.from('dc=example,dc=com').toString('base64');
    expect(ldifContainsEntry(`dn:: ${encoded}\n`, 'dc=example,dc=com')).toBe(
      true,
    );
    expect(
      ldifContainsEntry(
        'dn: ou=people,dc=example,dc=com\n',
        'dc=example,dc=com',
      ),
    ).toBe(false);
  });

  it('prepends the suffix entry after a version line only when missing', () => {
    const ldif =
      'version: 1\ndn: ou=people,o=corp\nobjectClass: organizationalUnit\nou: people\n';
    expect(withSuffixEntry(ldif, 'o=corp')).toBe(
      'version: 1\ndn: o=corp\nobjectClass: top\nobjectClass: organization\no: corp\n\ndn: ou=people,o=corp\nobjectClass: organizationalUnit\nou: people\n',
    );
    const complete = 'dn: o=corp\nobjectClass: organization\no: corp\n';
    expect(withSuffixEntry(complete, 'o=corp')).toBe(complete);
  });
});
