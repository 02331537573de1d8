import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Database, DatabaseKind } from './client.js';
import { listMigrations, migrate } from './migrate.js';

/**
 * Logical backup and restore, one portable format for PGlite and PostgreSQL (a PGlite backup
 * restores into PostgreSQL and back).
 *
 * The file is gzip'd text, one item per line:
 *   #eerstethuis-backup {"version":1,"createdAt":…,"source":"pglite","migrations":[…]}
 *   #table {"name":"regions","columns":[…]}
 *   {…row as PostgreSQL's row_to_json…}
 *   …
 *   #sequence {"name":"offer_events_seq_seq","lastValue":"42","isCalled":true}
 *   #end {"counts":{"regions":1,…}}
 * Rows travel as PostgreSQL writes them (row_to_json) and go back through
 * json_populate_recordset, so every type (numeric scale, timestamps, arrays, jsonb) round-trips
 * exactly without passing through JavaScript numbers. Tables come in foreign-key order. The
 * closing `#end` line lets a restore tell a complete file from a truncated one.
 */
export const BACKUP_FORMAT = 'eerstethuis-backup';
export const BACKUP_VERSION = 1;

/** A backup that cannot be made or restored, with a message in Dutch and English. */
export class BackupError extends Error {}

export interface BackupHeader {
  version: number;
  createdAt: string;
  source: DatabaseKind;
  migrations: string[];
}

interface TableInfo {
  name: string;
  /** Columns that can be written (generated columns are left to the database). */
  columns: string[];
  primaryKey: string[];
  /** Columns of a foreign key to the table itself (restored in a second pass). */
  selfRefColumns: string[];
}

type Run = (sql: string, params?: unknown[]) => Promise<unknown[]>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** Rows per INSERT batch, and the largest JSON text sent in one statement. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** The application's tables (everything in schema public but the migration ledger), in foreign-key order. */
async function describeTables(run: Run): Promise<TableInfo[]> {
  const tables = (await run(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations' AND NOT c.relispartition
      ORDER BY c.relname`,
    [],
  )) as { name: string }[];
  const columns = (await run(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND is_generated <> 'ALWAYS' ORDER BY table_name, ordinal_position`,
    [],
  )) as { t: string; c: string }[];
  const keys = (await run(
    `SELECT c.conrelid::regclass::text AS t, c.confrelid::regclass::text AS ref, c.contype AS kind,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype IN ('f', 'p')`,
    [],
  )) as { t: string; ref: string; kind: string; cols: string[] }[];
  const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
  const info = new Map<string, TableInfo>();
  for (const { name } of tables) info.set(name, { name, columns: [], primaryKey: [], selfRefColumns: [] });
  for (const { t, c } of columns) info.get(t)?.columns.push(c);
  const deps = new Map<string, Set<string>>([...info.keys()].map((t) => [t, new Set<string>()]));
  for (const k of keys) {
    const t = unquote(k.t);
    const table = info.get(t);
    if (!table) continue;
    if (k.kind === 'p') table.primaryKey = k.cols;
    else if (unquote(k.ref) === t) table.selfRefColumns.push(...k.cols);
    else if (info.has(unquote(k.ref))) deps.get(t)!.add(unquote(k.ref));
  }
  // Topological order: a table comes after every table it references.
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string, path: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') {
      throw new BackupError(`Kringverwijzing tussen tabellen / foreign-key cycle: ${[...path, t].join(' → ')}`);
    }
    state.set(t, 'visiting');
    for (const d of [...deps.get(t)!].sort()) visit(d, [...path, t]);
    state.set(t, 'done');
    ordered.push(info.get(t)!);
  };
  for (const t of [...info.keys()].sort()) visit(t, []);
  for (const t of ordered) {
    if (t.selfRefColumns.length && !t.primaryKey.length) {
      throw new BackupError(`Tabel ${t.name} verwijst naar zichzelf maar heeft geen primaire sleutel / self-referencing table without a primary key`);
    }
  }
  return ordered;
}

async function sequences(run: Run): Promise<string[]> {
  const rows = (await run(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
    [],
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

async function appliedMigrations(run: Run): Promise<string[]> {
  const rows = (await run('SELECT name FROM schema_migrations ORDER BY name', [])) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Writes a line to the gzip stream, waiting when its buffer is full. */
async function writeLine(out: zlib.Gzip, line: string) {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

export interface BackupResult {
  tables: number;
  rows: number;
  counts: Record<string, number>;
}

/**
 * Writes every table of the database to `file` (see the format above). The whole backup reads
 * one snapshot (a REPEATABLE READ, read-only transaction), so on PostgreSQL it is consistent
 * while the server keeps running; a PGlite data folder can only be opened by one process, so the
 * server must be stopped first (the lock file refuses otherwise).
 */
export async function backupDatabase(
  database: Database,
  file: string,
  opts: { onTable?: (name: string, rows: number) => void } = {},
): Promise<BackupResult> {
  const gzip = zlib.createGzip();
  const sink = fs.createWriteStream(file, { mode: 0o600 });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(sink);
  const counts: Record<string, number> = {};
  let total = 0;
  try {
    await database.withSession(async (run) => {
      await run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', []);
      try {
        const header: BackupHeader = {
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations: await appliedMigrations(run),
        };
        await writeLine(gzip, `#${BACKUP_FORMAT} ${JSON.stringify(header)}`);
        for (const table of await describeTables(run)) {
          await writeLine(gzip, `#table ${JSON.stringify({ name: table.name, columns: table.columns })}`);
          // A cursor reads the table in slices: memory stays flat however large the table is.
          await run(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table.name)} t`);
          let n = 0;
          for (;;) {
            const slice = (await run('FETCH 1000 FROM backup_rows')) as { j: string }[];
            for (const r of slice) await writeLine(gzip, r.j);
            n += slice.length;
            if (slice.length < 1000) break;
          }
          await run('CLOSE backup_rows');
          counts[table.name] = n;
          total += n;
          opts.onTable?.(table.name, n);
        }
        for (const name of await sequences(run)) {
          const [s] = (await run(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${ident(name)}`, [])) as {
            lastValue: string;
            isCalled: boolean;
          }[];
          await writeLine(gzip, `#sequence ${JSON.stringify({ name, ...s })}`);
        }
        await writeLine(gzip, `#end ${JSON.stringify({ counts })}`);
      } finally {
        await run('ROLLBACK', []);
      }
    });
  } catch (err) {
    gzip.destroy();
    sink.destroy();
    fs.rmSync(file, { force: true });
    throw err;
  }
  gzip.end();
  await finished;
  return { tables: Object.keys(counts).length, rows: total, counts };
}

/** Reads the header of a backup file without restoring it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readLines(file);
  try {
    for await (const line of lines) return parseHeader(line);
    throw new BackupError('Het bestand is leeg / the file is empty');
  } finally {
    lines.close();
  }
}

function readLines(file: string) {
  if (!fs.existsSync(file)) throw new BackupError(`Bestand niet gevonden / file not found: ${file}`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

function parseHeader(line: string): BackupHeader {
  const prefix = `#${BACKUP_FORMAT} `;
  if (!line.startsWith(prefix)) {
    throw new BackupError('Dit is geen back-up van Eerst een Thuis / this is not an Eerst een Thuis backup');
  }
  const header = JSON.parse(line.slice(prefix.length)) as BackupHeader;
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(`Onbekende versie van het back-upformaat: ${header.version} / unknown backup format version`);
  }
  return header;
}

export interface RestoreResult {
  header: BackupHeader;
  tables: number;
  rows: number;
}

/**
 * Restores a backup into `database`: migrates it to the code's schema, refuses a backup made at
 * another schema version (its migrations must be exactly the code's), refuses a database that
 * already holds data unless `force` (which empties every table first), then loads every table
 * and sets every sequence — all in one transaction, so a failed or truncated restore leaves the
 * database as it was.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  opts: { force?: boolean; onTable?: (name: string, rows: number) => void } = {},
): Promise<RestoreResult> {
  const header = await readBackupHeader(file);
  const code = listMigrations().map((m) => m.name);
  const missing = code.filter((m) => !header.migrations.includes(m));
  const extra = header.migrations.filter((m) => !code.includes(m));
  if (missing.length || extra.length) {
    throw new BackupError(
      `De back-up hoort bij een andere schemaversie dan deze software; herstel met de versie waarmee hij is gemaakt.` +
        `${missing.length ? ` Ontbreekt in de back-up: ${missing.join(', ')}.` : ''}${extra.length ? ` Onbekend voor deze software: ${extra.join(', ')}.` : ''}\n` +
        `The backup belongs to another schema version than this software; restore it with the version that made it.`,
    );
  }
  await migrate(database);
  return database.withSession(async (run) => {
    await run('BEGIN', []);
    try {
      const tables = await describeTables(run);
      const byName = new Map(tables.map((t) => [t.name, t]));
      const filled = [];
      for (const t of tables) {
        const [row] = (await run(`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS filled`, [])) as { filled: boolean }[];
        if (row.filled) filled.push(t.name);
      }
      if (filled.length && !opts.force) {
        throw new BackupError(
          `De database is niet leeg (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}); herstellen overschrijft alles. Gebruik --force als dat de bedoeling is.\n` +
            `The database is not empty; a restore replaces everything. Use --force if that is what you want.`,
        );
      }
      if (filled.length) await run(`TRUNCATE ${tables.map((t) => ident(t.name)).join(', ')} CASCADE`, []);

      let current: TableInfo | null = null;
      let batch: string[] = [];
      let batchBytes = 0;
      let deferred: string[] = [];
      const counts: Record<string, number> = {};
      let total = 0;
      let ended: { counts: Record<string, number> } | null = null;

      const insert = async (json: string[]) => {
        if (!current || !json.length) return;
        const t = current;
        const cols = t.columns.map(ident).join(', ');
        // A reference to the same table waits for the second pass: the row it points to may come later.
        const values = t.columns.map((c) => (t.selfRefColumns.includes(c) ? 'NULL' : `src.${ident(c)}`)).join(', ');
        await run(
          `INSERT INTO ${ident(t.name)} (${cols}) SELECT ${values} FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json) src`,
          [`[${json.join(',')}]`],
        );
      };
      const flush = async () => {
        await insert(batch);
        batch = [];
        batchBytes = 0;
      };
      const finishTable = async () => {
        await flush();
        const t = current;
        if (t && deferred.length) {
          const sets = t.selfRefColumns.map((c) => `${ident(c)} = src.${ident(c)}`).join(', ');
          const match = t.primaryKey.map((c) => `t.${ident(c)} = src.${ident(c)}`).join(' AND ');
          for (let i = 0; i < deferred.length; i += BATCH_ROWS) {
            await run(
              `UPDATE ${ident(t.name)} t SET ${sets} FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json) src WHERE ${match}`,
              [`[${deferred.slice(i, i + BATCH_ROWS).join(',')}]`],
            );
          }
        }
        deferred = [];
        if (t) opts.onTable?.(t.name, counts[t.name] ?? 0);
        current = null;
      };

      const lines = readLines(file);
      let first = true;
      for await (const line of lines) {
        if (first) {
          first = false;
          continue;
        }
        if (ended) throw new BackupError('Gegevens na het einde van de back-up / data after the end of the backup');
        if (line.startsWith('{')) {
          if (!current) throw new BackupError('Rij buiten een tabel / row outside a table');
          batch.push(line);
          batchBytes += line.length;
          counts[current.name] = (counts[current.name] ?? 0) + 1;
          total++;
          if (current.selfRefColumns.length) {
            const row = JSON.parse(line) as Record<string, unknown>;
            if (current.selfRefColumns.some((c) => row[c] !== null && row[c] !== undefined)) deferred.push(line);
          }
          if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
          continue;
        }
        const space = line.indexOf(' ');
        const kind = line.slice(0, space);
        const body = JSON.parse(line.slice(space + 1)) as Record<string, unknown>;
        if (kind === '#table') {
          await finishTable();
          const name = String(body.name);
          const t = byName.get(name);
          if (!t) throw new BackupError(`Onbekende tabel in de back-up / unknown table: ${name}`);
          const columns = body.columns as string[];
          if (columns.join(',') !== t.columns.join(',')) {
            throw new BackupError(`Kolommen van ${name} wijken af van het schema / columns of ${name} differ from the schema`);
          }
          current = t;
          counts[name] = 0;
        } else if (kind === '#sequence') {
          await finishTable();
          await run(`SELECT setval($1::regclass, $2::bigint, $3::boolean)`, [ident(String(body.name)), body.lastValue, body.isCalled]);
        } else if (kind === '#end') {
          await finishTable();
          ended = body as { counts: Record<string, number> };
        } else {
          throw new BackupError(`Onbekende regel in de back-up / unknown line: ${line.slice(0, 40)}`);
        }
      }
      if (!ended) throw new BackupError('De back-up is onvolledig (geen einde gevonden) / the backup is truncated (no end marker)');
      for (const [name, n] of Object.entries(ended.counts)) {
        if ((counts[name] ?? 0) !== n) {
          throw new BackupError(`Tabel ${name}: ${counts[name] ?? 0} rijen gelezen, ${n} verwacht / rows read differ from the count written`);
        }
      }
      await run('COMMIT', []);
      return { header, tables: Object.keys(counts).length, rows: total };
    } catch (err) {
      await run('ROLLBACK', []);
      throw err;
    }
  });
}

export interface TableFingerprint {
  rows: number;
  /** md5 over the sorted md5s of every row's text: equal contents give equal sums in any row order. */
  checksum: string;
}

/**
 * Row count and an order-independent checksum of every table (schema_migrations excepted),
 * read in one snapshot with a fixed time zone and date style so both drivers print rows alike.
 * Used to prove a restore complete and a refused request harmless.
 */
export async function tableFingerprints(database: Database, opts: { exclude?: string[] } = {}): Promise<Record<string, TableFingerprint>> {
  return (await fingerprinter(database, opts))();
}

/**
 * Reads the table list once and returns a function that takes fresh fingerprints: for a test
 * that compares the database before and after each of many requests.
 */
export async function fingerprinter(database: Database, opts: { exclude?: string[] } = {}): Promise<() => Promise<Record<string, TableFingerprint>>> {
  const tables = (await database.withSession(describeTables)).filter((t) => !opts.exclude?.includes(t.name));
  const query = tables
    .map(
      (t) =>
        `SELECT '${t.name.replace(/'/g, "''")}' AS name, count(*)::int AS rows,
                coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS checksum
           FROM (SELECT md5(x::text) AS h FROM ${ident(t.name)} x) s`,
    )
    .join('\nUNION ALL\n');
  return () =>
    database.withSession(async (run) => {
      const out: Record<string, TableFingerprint> = {};
      if (!tables.length) return out;
      await run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', []);
      try {
        await run(`SET LOCAL TimeZone = 'UTC'`, []);
        await run(`SET LOCAL DateStyle = 'ISO, YMD'`, []);
        const rows = (await run(query, [])) as { name: string; rows: number; checksum: string }[];
        for (const r of rows) out[r.name] = { rows: r.rows, checksum: r.checksum };
        return out;
      } finally {
        await run('ROLLBACK', []);
      }
    });
}
