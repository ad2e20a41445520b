import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, recursively, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[3,"x"]},"b":1}');
    // RFC 8785 §3.2.3 example: "\u20ac" (€) sorts after "\r" and before "\ud83d\ude00" (😀) but after "1".
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '1': 3, '\ud83d\ude00': 4, '\u00f6': 5 })).toBe('{"\\r":2,"1":3,"\u00f6":5,"\u20ac":1,"\ud83d\ude00":4}');
  });

  it('serialises numbers as ECMAScript does (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.000001, 333333333.3333333, 1.0])).toBe('[1e+21,1e-7,0,0.000001,333333333.3333333,1]');
  });

  it('escapes strings minimally', () => {
    expect(canonicalJson('\u000f\n"\\/\u20ac')).toBe('"\\u000f\\n\\"\\\\/\u20ac"');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
