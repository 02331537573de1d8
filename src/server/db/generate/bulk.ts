import crypto from 'node:crypto';

type Run = (sql: string, params?: unknown[]) => Promise<unknown[]>;
export type Row = Record<string, unknown>;

/**
 * Tables in the order their foreign keys allow: a flush writes every buffered table in this
 * order, and the generator always pushes a parent row before its children, so every reference
 * points at a row already written (or written by the same statement).
 */
export const TABLE_ORDER = [
  'regions', 'security_settings', 'municipalities', 'organisations', 'users', 'programmes', 'review_moments', 'tranches',
  'tranche_capacity_events', 'pledges', 'pledge_partners', 'locations', 'units', 'unit_status_events', 'participants', 'referrals',
  'participant_organisations', 'participant_phase_events', 'participant_placements', 'offers', 'offer_events', 'tenancies',
  'tenancy_leases', 'tenancy_events', 'guidance_episodes', 'guidance_intensities', 'guidance_goals', 'guidance_contacts',
  'guidance_handovers', 'zrm_measurements', 'neighbourhood_meetings', 'incidents',
] as const;
export type Table = (typeof TABLE_ORDER)[number];

/**
 * Buffers rows per table and writes them in batches with one statement per batch:
 * `INSERT INTO t (cols) SELECT cols FROM json_populate_recordset(NULL::t, $1)`. One JSON
 * parameter carries a few thousand rows; PostgreSQL converts every field to the column's own
 * type (dates, uuid[], jsonb, numeric), and columns left out take their defaults (created_at,
 * the seq of event tables in the order of the rows). Works the same on PGlite and PostgreSQL.
 *
 * It also keeps a SHA-256 per table over every row in the order written (all columns but the
 * salted password hash): the checksum that shows the same seed gave the same data.
 */
export class BulkWriter {
  private buffers = new Map<Table, Row[]>();
  private hashes = new Map<Table, crypto.Hash>();
  private buffered = 0;
  readonly counts = new Map<Table, number>();

  constructor(
    private run: Run,
    private batchSize = 4000,
    private onFlush: (rows: number) => void = () => undefined,
  ) {}

  push(table: Table, row: Row): void {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = []));
    b.push(row);
    this.buffered += 1;
  }

  /** Writes everything once enough rows wait (called between entities, so parents go first). */
  async maybeFlush(): Promise<void> {
    if (this.buffered >= this.batchSize * 4) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of TABLE_ORDER) {
      const rows = this.buffers.get(table);
      if (!rows?.length) continue;
      for (let i = 0; i < rows.length; i += this.batchSize) await this.write(table, rows.slice(i, i + this.batchSize));
      this.buffers.set(table, []);
    }
    this.buffered = 0;
  }

  private async write(table: Table, rows: Row[]): Promise<void> {
    const cols = Object.keys(rows[0]);
    // The password hash has a random salt: it is left out, so the checksum depends on the seed only.
    const hashed = cols.filter((c) => c !== 'password_hash');
    let h = this.hashes.get(table);
    if (!h) this.hashes.set(table, (h = crypto.createHash('sha256')));
    const parts: string[] = [];
    for (const r of rows) {
      const s = JSON.stringify(hashed.map((c) => r[c]));
      h.update(s);
      h.update('\n');
      parts.push(JSON.stringify(r));
    }
    const list = cols.join(', ');
    await this.run(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [`[${parts.join(',')}]`]);
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
    this.onFlush(rows.length);
  }

  /** One checksum over all tables (per-table digests in table order). */
  checksum(): string {
    const all = crypto.createHash('sha256');
    for (const t of TABLE_ORDER) {
      const h = this.hashes.get(t);
      if (h) all.update(`${t}:${h.copy().digest('hex')}\n`);
    }
    return all.digest('hex');
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}
