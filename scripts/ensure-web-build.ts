/**
 * Builds the web app before `npm start` when web/dist is missing or older than its sources, so
 * the quick start works on a fresh clone and a start after `git pull` serves the current app,
 * while an unchanged app starts without the build's cost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestModification } from './newest-modification.ts';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'contracts/src'];

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestModification(path.join(root, source))));
if (builtAt < changedAt) {
  process.stdout.write(
    builtAt === 0 ? 'Building the web app (first start)…\n' : 'The web app changed; rebuilding…\n',
  );
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
