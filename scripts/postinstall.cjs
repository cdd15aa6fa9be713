// After `npm ci`: the embedded database's template (src/db/template-cli.ts), when the sources
// are there — in the Docker build stage they are copied after the install, and the Dockerfile
// makes the template itself. Plain JavaScript: it runs before anything is built.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
if (fs.existsSync(path.join(root, 'src', 'db', 'template-cli.ts'))) {
  spawnSync(process.execPath, ['--import', 'tsx', 'src/db/template-cli.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
}
