import {
  binaryFormatOf,
  formatBinary,
  formatGuid,
  formatSid,
} from './binaryValues';

describe('formatGuid', () => {
  it('writes the first three groups little-endian', () => {
    const bytes = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    expect(formatGuid(bytes)).toBe('33221100-5544-7766-8899-aabbccddeeff');
  });

  it('formats a real objectGUID as PowerShell prints it', () => {
    // [guid]'6f9619ff-8b86-d011-b42d-00c04fc964ff'.ToByteArray()
    const bytes = Buffer.from([
      0xff, 0x19, 0x96, 0x6f, 0x86, 0x8b, 0x11, 0xd0, 0xb4, 0x2d, 0x00, 0xc0,
      0x4f, 0xc9, 0x64, 0xff,
    ]);
    expect(formatGuid(bytes)).toBe('6f9619ff-8b86-d011-b42d-00c04fc964ff');
  });

  it('falls back to hex for other lengths', () => {
    expect(formatGuid(Buffer.from([1, 2, 255]))).toBe('0102ff');
  });
});

describe('formatSid', () => {
  it('formats a domain user SID', () => {
    // S-1-5-21-3623811015-3361044348-30300820-1013
    const sid = Buffer.alloc(28);
    sid[0] = 1;
    sid[1] = 5;
    sid.writeUIntBE(5, 2, 6);
    [21, 3623811015, 3361044348, 30300820, 1013].forEach((value, index) =>
      sid.writeUInt32LE(value, 8 + index * 4),
    );
    expect(formatSid(sid)).toBe('S-1-5-21-3623811015-3361044348-30300820-1013');
  });

  it('falls back to hex for malformed input', () => {
    expect(formatSid(Buffer.from([1, 5, 0]))).toBe('010500');
  });
});

describe('binaryFormatOf', () => {
  it('knows GUID and SID attributes in any case', () => {
    expect(binaryFormatOf('objectguid')).toBe('guid');
    expect(binaryFormatOf('ms-ds-consistencyguid')).toBe('guid');
    expect(binaryFormatOf('objectsid')).toBe('sid');
    expect(binaryFormatOf('jpegphoto')).toBe('hex');
    expect(formatBinary(Buffer.from([0xab]), 'hex')).toBe('ab');
  });
});
