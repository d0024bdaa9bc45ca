import { createHash } from 'node:crypto';
import { seededSalt, sshaHash, verifySsha } from './ssha';

describe('sshaHash', () => {
  it('is {SSHA} + base64(sha1(password + salt) + salt)', () => {
    const salt = Buffer.from('01020304', 'hex');
    const digest = createHash('sha1')
      .update(Buffer.concat([Buffer.from('secret'), salt]))
      .digest();
    expect(sshaHash('secret', salt)).toBe(
      `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`,
    );
  });

  it('uses a random salt by default, so hashes differ but both verify', () => {
    const first = sshaHash('demo-zoe-kettle');
    const second = sshaHash('demo-zoe-kettle');
    expect(first).not.toBe(second);
    expect(verifySsha('demo-zoe-kettle', first)).toBe(true);
    expect(verifySsha('demo-zoe-kettle', second)).toBe(true);
  });

  it('hashes the UTF-8 bytes of non-ASCII passwords', () => {
    const hashed = sshaHash('demo-łódź-tram', Buffer.from('salt'));
    expect(verifySsha('demo-łódź-tram', hashed)).toBe(true);
    expect(verifySsha('demo-lodz-tram', hashed)).toBe(false);
  });
});

describe('verifySsha', () => {
  it('rejects wrong passwords and values of other schemes', () => {
    const hashed = sshaHash('right');
    expect(verifySsha('wrong', hashed)).toBe(false);
    expect(verifySsha('right', '{SHA}abc')).toBe(false);
    expect(verifySsha('right', 'right')).toBe(false);
    expect(verifySsha('right', '{SSHA}')).toBe(false);
  });
});

describe('seededSalt', () => {
  it('derives the same 8 bytes for the same seed and account', () => {
    const dn = 'uid=zhoffmann,ou=people,dc=example,dc=com';
    expect(seededSalt('a')(dn)).toEqual(seededSalt('a')(dn));
    expect(seededSalt('a')(dn)).toHaveLength(8);
  });

  it('differs between seeds and between accounts', () => {
    expect(seededSalt('a')('uid=x')).not.toEqual(seededSalt('b')('uid=x'));
    expect(seededSalt('a')('uid=x')).not.toEqual(seededSalt('a')('uid=y'));
  });
});
