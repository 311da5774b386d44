// Preloaded (`node --import`) into a command line a test starts with
// startCli(args, { longRecord: 'r' or 'r@n' }) (in DIFUSI_TEST_LONG_RECORD): the
// record of replication r (the n-th such record made, default the first: arms
// run one after the other, so 'r@2' is the second arm's; the object src/store/part-store.ts recordLine makes one
// JSON line of: r, offset, outcomes, agents, events) is too long to save, as a
// city of a million agencies with its agents and events is: JSON.stringify
// throws V8's own RangeError (Invalid string length) for it, which recordLine
// refuses as `record_too_long`. Such a record takes minutes and gigabytes to
// make for real. Every other value is stringified as before. Only the test's
// process is changed; the program is the built one.
const given = process.env.DIFUSI_TEST_LONG_RECORD ?? '';
const match = /^(\d+)(?:@([1-9]\d*))?$/.exec(given);
if (match === null) throw new Error(`long-record.mjs: DIFUSI_TEST_LONG_RECORD must be r or r@n (whole numbers, n >= 1), found ${given}`);
const long = Number(match[1]);
const nth = Number(match[2] ?? 1);
let seen = 0;

const stringify = JSON.stringify;
const isRecord = (v) => typeof v === 'object' && v !== null && Object.keys(v).join(',') === 'r,offset,outcomes,agents,events';
JSON.stringify = function (value, ...rest) {
  if (isRecord(value) && value.r === long && ++seen === nth) throw new RangeError('Invalid string length');
  return stringify.call(this, value, ...rest);
};
