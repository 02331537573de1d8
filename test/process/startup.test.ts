import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from '../../src/server/db/client.js';
import { loadConfig } from '../../src/server/config.js';

// These start the real CLI as a process; they do not depend on the database driver, so they
// run once, in the unit project.

const BIN = path.resolve('bin/eerstethuis.mjs');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_SEED: 'false', TEST_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = async () => {
    for (let i = 0; i < 600; i++) {
      if (out.includes('http://localhost')) return;
      if (child.exitCode !== null) throw new Error(`exited early: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`never listened: ${out}`);
  };
  return { child, exited, listening, output: () => out };
}

describe('starting the server', () => {
  it('refuses a second process on the same data folder with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-lock-'));
    const first = start({ DATA_DIR: dir, PORT: '0' });
    await first.listening();
    const second = start({ DATA_DIR: dir, PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in gebruik door proces/);
    expect(second.output()).toMatch(/in use by process/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'eerstethuis.lock'))).toBe(false);
  }, 120_000);

  it('exits with code 1 and names the variable when the config is invalid', async () => {
    const bad = start({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT');
    expect(bad.output()).toContain('DATABASE_URL');
  }, 60_000);

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-stale-'));
    fs.writeFileSync(path.join(dir, 'eerstethuis.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'eerstethuis.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('never enables the demo seed in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoSeed).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).demoSeed).toBe(true);
  });
});
