#!/usr/bin/env node
// `npm start`: install what is missing, build the client when its sources changed, then serve.
// Plain Node (no dependencies), because it runs before node_modules exists on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const hashOf = (files) => {
  const h = crypto.createHash('sha256');
  for (const f of files) if (fs.existsSync(f)) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex');
};
const walk = (dir) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    : [];

// 1. Dependencies: install when node_modules is missing or the lock file changed since the last install.
const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.eerstethuis-install');
const lockHash = hashOf([lock, path.join(root, 'package.json')]);
if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('Afhankelijkheden installeren / installing dependencies…');
  // `npm install`, not `npm ci`: the registry reachable here serves only this platform's optional
  // packages (e.g. rollup's native builds), so the lock cannot list the others and `npm ci`
  // would call it out of sync. With a lock in place `npm install` installs exactly what it lists.
  run('npm', ['install', '--no-audit', '--no-fund']);
  fs.writeFileSync(stamp, lockHash);
}

// 2. Client: build when the sources differ from the last build.
const webSources = [...walk(path.join(root, 'src', 'web')), ...walk(path.join(root, 'src', 'shared')), path.join(root, 'index.html'), path.join(root, 'vite.config.ts')].sort();
const webHash = hashOf(webSources);
const webStamp = path.join(root, 'dist', 'web', '.source-hash');
if (!fs.existsSync(webStamp) || fs.readFileSync(webStamp, 'utf8') !== webHash) {
  console.log('Client bouwen / building the client…');
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  fs.writeFileSync(webStamp, webHash);
}

// 3. Serve (config, database, migrations and the demo seed happen in the server).
const server = spawn(process.execPath, [path.join(root, 'bin', 'eerstethuis.mjs'), 'serve'], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
