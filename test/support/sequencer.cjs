const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const durations = require('./durations.json');

/**
 * Starts the slowest files first, so the last files to start are short ones and no worker sits
 * idle while another finishes a long file. Jest's own sequencer does this from its cache of the
 * last run, but a fresh clone (CI) has no cache: then the durations measured on each database and
 * kept in durations.json stand in (durations.cjs refreshes them from `jest --json` outputs), and a
 * file measured nowhere is guessed from its size at the seconds per byte of the measured ones.
 */
class SlowestFirst extends Sequencer {
  sort(tests) {
    const measured = durations[process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'] ?? {};
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    const known = (test) =>
      super.time(test) ?? secondsToMs(measured[path.relative(test.context.config.rootDir, test.path)]);
    const rates = tests
      .filter((test) => known(test) !== undefined && size(test) > 0)
      .map((test) => known(test) / size(test))
      .sort((a, b) => a - b);
    const rate = rates[Math.floor(rates.length / 2)] ?? 1;
    const estimate = new Map(tests.map((test) => [test, known(test) ?? size(test) * rate]));
    // As Jest's own: what failed last time first, for the quickest news.
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    return [...tests].sort((a, b) => failed(b) - failed(a) || estimate.get(b) - estimate.get(a));
  }
}

const secondsToMs = (seconds) => (seconds === undefined ? undefined : seconds * 1000);

module.exports = SlowestFirst;
