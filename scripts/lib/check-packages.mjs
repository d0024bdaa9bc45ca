// Checks that every plugin package packs into a tarball a platform team can install: built `dist`,
// README, config schema when the package has config.d.ts, a backstage role, and no workspace-only ranges.
// Run after `backstage-cli repo build --all`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../..',
);
const pluginsDir = path.join(root, 'plugins');
const dirs = fs.existsSync(pluginsDir)
  ? fs
      .readdirSync(pluginsDir)
      .filter(d => fs.existsSync(path.join(pluginsDir, d, 'package.json')))
  : [];
const problems = [];

for (const dir of dirs) {
  const pkgDir = path.join(pluginsDir, dir);
  const tarball = path.join(os.tmpdir(), `${dir}-${process.pid}.tgz`);
  execFileSync('yarn', ['pack', '--out', tarball], {
    cwd: pkgDir,
    stdio: 'pipe',
  });
  const files = execFileSync('tar', ['-tzf', tarball], {
    encoding: 'utf8',
  }).split('\n');
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  fs.rmSync(tarball);

  const has = f => files.includes(`package/${f}`);
  const fail = msg => problems.push(`${manifest.name ?? dir}: ${msg}`);
  if (!files.some(f => f.startsWith('package/dist/')))
    fail('the tarball has no dist/ (build first)');
  if (!has('README.md')) fail('the tarball has no README.md');
  if (fs.existsSync(path.join(pkgDir, 'config.d.ts'))) {
    // backstage-cli prepack turns config.d.ts into config.schema.json and points configSchema at it.
    if (!manifest.configSchema) fail('package.json has no configSchema');
    else if (!has(manifest.configSchema))
      fail(`the tarball lacks its config schema ${manifest.configSchema}`);
  }
  if (!manifest.backstage?.role) fail('package.json has no backstage.role');
  if (!/^dist\//.test(manifest.main ?? ''))
    fail(`main points at ${manifest.main}, not dist/`);
  for (const [name, range] of Object.entries({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
  })) {
    if (
      String(range).startsWith('workspace:') ||
      String(range).startsWith('link:')
    )
      fail(`dependency ${name} is ${range}`);
  }
  console.log(`${manifest.name}: ${files.filter(Boolean).length} files packed`);
}

if (dirs.length === 0) console.log('no plugin packages yet');
for (const p of problems) console.error(p);
process.exitCode = problems.length ? 1 : 0;
