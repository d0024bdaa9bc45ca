import { escapeDnValue } from './escapeDnValue';

describe('escapeDnValue', () => {
  it.each([
    ['plain', 'plain'],
    ['Smith, Jane', 'Smith\\, Jane'],
    ['a+b', 'a\\+b'],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['<tag>', '\\<tag\\>'],
    ['semi;colon', 'semi\\;colon'],
    ['#hash', '\\#hash'],
    ['not#leading', 'not#leading'],
    [' leading', '\\ leading'],
    ['trailing ', 'trailing\\ '],
    [' ', '\\ '],
    ['  ', '\\ \\ '],
    ['inner space', 'inner space'],
    ['nul\0byte', 'nul\\00byte'],
    ['a=b', 'a=b'],
    ['Zoë Hoffmann', 'Zoë Hoffmann'],
    ['李伟', '李伟'],
    ['emoji 🎉,', 'emoji 🎉\\,'],
    ['', ''],
  ])('escapes %j as %j', (value, expected) => {
    expect(escapeDnValue(value)).toBe(expected);
  });
});
