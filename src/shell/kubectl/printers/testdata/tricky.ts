// Strings that exercise go-yaml v2 quoting and folding, for the differential YAML test

const long =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the ' +
  'internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'

export const trickyStrings: Record<string, string> = {
  long, longq: 'Some: ' + long, longdq: '"' + long + '" ' + long, longsq: "it's: " + long,
  longtab: 'tab\t' + long, longtabspaces: 'tab\t' + long.replace(/ /g, '  '), longnospace: 'x'.repeat(200),
  twospaces: 'word  '.repeat(30) + 'end', dqspaces: '"' + 'ab  '.repeat(40) + 'z',
  lit1: '  leading\nline\n', lit2: '\nstarts with break\n', lit3: 'a\n\n', lit4: 'trailing space \nline', lit5: 'a\r\nb',
  lit6: 'x\n \ny', lit7: 'tab\tin\nlit', lit8: 'long line in a block ' + long + '\nsecond', cr: 'a\rb',
  uni: 'héllo wörld ✓', ctrl: 'bell\u0007', nel: 'a\u0085b', nbsp: 'a\u00a0b', bom: '\ufeffab', ls: 'a\u2028b',
  hash: 'a#b', hash2: 'a #b', colon: 'a:b', colon2: 'a :b', q: 'a?b', br: '[x]', brace: '{x}', amp: '&x', star: '*x',
  bang: '!x', pipe: '|x', gt: '>x', pct: '%x', at: '@x', bt: '`x', dash3: '---', dots: '...x', comma: 'a,b', dash: '-',
  c1: ':', c2: '? ', num1: '1.5', num2: '-1', num3: '1e', num4: '0x', num5: '0b101', num6: '-0b101', num7: '1:2:3',
  num8: '190:20:30.15', num9: '+.5', num10: '9223372036854775808', num11: '18446744073709551616', num12: '.',
  num13: '._5', num14: '12e3', num15: '1__0', num16: '0o17', num17: '089', num18: '+1',
  ts1: '2024-02-30', ts2: '2024-02-29', ts3: '2023-02-29', ts4: '2024-1-2 3:4:5', ts5: '2024-1-2T3:4:5+01:00',
  ts6: '2024-1-2T3:4:5.5Z', ts7: '2024-1-2T24:00:00Z', ts8: '2024-01-02T03:04:05', ts9: '2024-01-02t03:04:05z',
  ts10: '2024-01-02  03:04:05', b1: 'yes', b2: 'NO', b3: 'oN', b4: 'Off', b5: 'TRUE', b6: 'tRue', b7: '~x',
  b8: 'Null', b9: 'NULL', b10: '<<', sp: ' ', e: '',
  ['k'.repeat(130)]: 'longkey', ['multi\nkey']: 'v', ['long key ' + 'z'.repeat(125)]: 'v',
  n: 'n', y: 'y', '10': 'ten', '9': 'nine', '09': 'x', '009': 'x', a09: 'x', a9: 'x', a010: 'x', a10: 'x',
  A: 'x', _a: 'x', Z: 'x', ä: 'x', '1.5': 'x',
}

export const trickyExtra = {
  nums: [1, -2, 1.5, 1234567.5, 1e21, 0.00001, 123456, 1e-7, 3.0, 100000, 1e6, 0.1],
  nested: [[1, 2], [], {}, [[]], [{ a: 1, b: [1] }], null, true, false],
  deep: { a: { b: { c: [{ d: long }] } } },
  emptyObj: {},
  emptyArr: [],
  nul: null,
}
