import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSection } from './lib.js';

/** Starts `eerstethuis serve` on a data folder and reports time to first health answer and memory. */
async function startOnce(dataDir: string): Promise<{ ms: number; rssMiB: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = spawn(process.execPath, [path.resolve('bin/eerstethuis.mjs'), 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 1200; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const elapsed = performance.now() - started;
    // Let the process settle, then read its resident memory.
    await new Promise((r) => setTimeout(r, 1000));
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms: elapsed, rssMiB: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

export async function startupBench(): Promise<BenchSection> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-bench-'));
  const first = await startOnce(dir);
  const second = await startOnce(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    title: 'Start-up of the server with the embedded database',
    lines: [
      '| start | time to first /api/health | resident memory after start |',
      '|---|---|---|',
      `| empty data folder (migrations + demo seed) | ${(first.ms / 1000).toFixed(2)} s | ${first.rssMiB.toFixed(0)} MiB |`,
      `| existing data folder | ${(second.ms / 1000).toFixed(2)} s | ${second.rssMiB.toFixed(0)} MiB |`,
    ],
  };
}
