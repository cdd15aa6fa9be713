// Writes durations.json, which the sequencer reads, from `jest --json` outputs: one per database.
//   node test/support/durations.cjs pglite=/tmp/pglite.json postgres=/tmp/pg.json
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const out = path.join(__dirname, 'durations.json');
const durations = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
for (const arg of process.argv.slice(2)) {
  const [database, file] = arg.split('=');
  const { testResults } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const seconds = testResults
    .map((r) => [path.relative(root, r.name), Math.round((r.endTime - r.startTime) / 100) / 10])
    .sort((a, b) => b[1] - a[1]);
  durations[database] = Object.fromEntries(seconds);
}
fs.writeFileSync(out, `${JSON.stringify(durations, null, 2)}\n`);
