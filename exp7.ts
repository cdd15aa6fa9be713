import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { embeddedStartParams, templateFile } from './src/db/pglite-template';
async function main() {
  const sp = embeddedStartParams();
  fs.rmSync('/tmp/exp/tpl', { recursive: true, force: true });
  const gz = fs.readFileSync(templateFile());
  const a = await PGlite.create({ dataDir: '/tmp/exp/tpl', loadDataDir: new Blob([gz]), startParams: sp });
  await a.close();
  for (let i = 0; i < 3; i++) {
    fs.rmSync('/tmp/exp/d1', { recursive: true, force: true });
    let t = performance.now();
    const p = await PGlite.create({ dataDir: '/tmp/exp/d1', loadDataDir: new Blob([fs.readFileSync(templateFile())]), startParams: sp });
    await p.query('select 1');
    const restore = performance.now() - t;
    await p.close();
    fs.rmSync('/tmp/exp/d2', { recursive: true, force: true });
    t = performance.now();
    fs.cpSync('/tmp/exp/tpl', '/tmp/exp/d2', { recursive: true });
    const cp = performance.now() - t;
    const q = await PGlite.create({ dataDir: '/tmp/exp/d2', startParams: sp });
    await q.query('select 1');
    const total = performance.now() - t;
    await q.close();
    t = performance.now();
    const r = await PGlite.create({ dataDir: '/tmp/exp/d2', startParams: sp });
    await r.query('select 1');
    const reopen = performance.now() - t;
    await r.close();
    console.log('restore', Math.round(restore), 'cp', Math.round(cp), 'cp+open', Math.round(total), 'reopen', Math.round(reopen));
  }
}
main();
