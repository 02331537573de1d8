import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../support/app.js';
import { buildLocation, buildRegion, TEST_PASSWORD, type BuiltRegion } from '../support/builders.js';
import { referralBody } from '../support/participants.js';
import { fingerprinter, type TableFingerprint } from '../../src/server/db/backup.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openPostgres } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { differences, freshPostgresDatabase, onPostgres } from './support.js';

// Bad input, driven by the OpenAPI document: every operation it lists gets malformed bodies, path
// and query parameters and headers, as a sample of roles. Never a 5xx; every 4xx is
// problem+json with a title and a code; and a refused request leaves the database as it was.
// The cases come from fast-check with a fixed seed (FUZZ_SEED), FUZZ_RUNS generated cases per
// operation, the roles taking turns (4 for CI; e.g. FUZZ_RUNS=50 for a long manual run).

const SEED = Number(process.env.FUZZ_SEED ?? 20210115);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const BODY_LIMIT = 1024 * 1024;

/**
 * Tables a refused request may legitimately change: the audit trail logs refused and denied
 * access too (NEN 7513; its chain head moves with it), login attempts are counted to rate-limit
 * logins, and a session's last activity moves on every authenticated request.
 */
const MAY_CHANGE_ON_REFUSAL = ['audit_events', 'audit_chain_heads', 'login_attempts', 'sessions'];

type Role = 'office' | 'careWorker' | 'corporation' | 'anonymous';
const ROLES: Role[] = ['office', 'careWorker', 'corporation', 'anonymous'];

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
}

interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

let t: TestApp;
let r: BuiltRegion;
const sessions: Partial<Record<Role, Session>> = {};
let operations: Operation[] = [];
/** Ids of real records of the test region, so a malformed body also reaches records that exist. */
let knownIds: string[] = [];

/**
 * The test app; on PostgreSQL on a database of its own, because the run's shared database is
 * written by other test files at the same time and the check compares whole tables.
 */
async function quietApp(): Promise<TestApp> {
  if (!onPostgres) return createTestApp();
  const db = await freshPostgresDatabase('fuzz');
  const database = await openPostgres(db.url, 4);
  await migrate(database);
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), database });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
      await db.drop();
    },
  };
}

beforeAll(async () => {
  t = await quietApp();
  r = await buildRegion(t.database);
  for (const role of ROLES) if (role !== 'anonymous') sessions[role] = await loginAs(t.app, r.emails[role], TEST_PASSWORD);
  // A few records of the kinds most routes act on.
  const locationId = await buildLocation(t.database, r);
  const unit = await call(t.app, sessions.office!, 'POST', '/api/v1/units', {
    programmeId: r.programmeId, municipalityId: r.municipalities.a, label: 'Fuzzwoning', form: 'existing_stock', status: 'available', locationId, effectiveDate: '2021-01-01',
  });
  expect(unit.statusCode, unit.body).toBe(201);
  const p = await call(t.app, sessions.office!, 'POST', '/api/v1/participants', referralBody(r));
  expect(p.statusCode, p.body).toBe(201);
  knownIds = [locationId, unit.json().id, p.json().id, r.programmeId, r.tranches.first, r.municipalities.a, r.orgs.providerA, r.orgs.corporationA];
  operations = readOperations((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
}, 300_000);
afterAll(() => t?.close());

function readOperations(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } }): Operation[] {
  const resolve = (s: JsonSchema | undefined): JsonSchema => {
    if (s?.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
    return s ?? {};
  };
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((x) => x.in === 'path').map((x) => ({ name: x.name, schema: resolve(x.schema) })),
        queryParams: params.filter((x) => x.in === 'query').map((x) => ({ name: x.name, schema: resolve(x.schema) })),
        body: bodySchema ? resolve(bodySchema) : null,
      });
    }
  }
  return out;
}

// ---- values --------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\u202Eevil\u202C', '🏠👩‍👩‍👧‍👦', 'e\u0301\u0301\u0301\u0301', 'Z̴̡̛͉̲a̸l̷g̵o̶', '\uFEFF', '\u2028\u2029',
  "'; DROP TABLE units; --", "' OR '1'='1", '1); SELECT pg_sleep(1); --', '$1', '%', '_', '\\', '"', "''", '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '{{7*7}}', '${process.exit()}', '../../etc/passwd', 'null', 'undefined', 'NaN', '-1', '1e309',
  '0x10', 'true', '[]', '{}', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2021-02-30', '2021-13-01', '0000-00-00', '9999-12-31', '1900-01-01', '2021-1-1', '15-01-2021', '2021-01-15T25:61:00Z', '١٢٣',
  'a'.repeat(10_000),
];
const NASTY_NUMBERS = [-1, 0, 0.5, -0.000001, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 123456789012];
const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, '', 'x', [], [null], {}, { a: 1 }, [[[[]]]]];

const arbNasty = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const arbWrong = fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.constantFrom(...NASTY_NUMBERS), arbNasty);

/** Deeply nested JSON as text (JSON.stringify itself would overflow the stack). */
function deepNesting(depth: number, asArray: boolean): string {
  return asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The plausible body with a deeply nested extra property, as JSON text. */
function withNesting(base: unknown, depth: number, asArray: boolean): string {
  const nested = deepNesting(depth, asArray);
  if (!base || typeof base !== 'object' || Array.isArray(base)) return nested;
  const head = JSON.stringify(base).slice(0, -1);
  return `${head}${head.length > 1 ? ',' : ''}"extra":${nested}}`;
}

/** A plausible value for a schema: the start that a mutation then spoils in one place. */
function plausible(s: JsonSchema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0], depth);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((a) => plausible(a, depth) as object));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return knownIds[depth % knownIds.length];
      if (s.format === 'date' || s.pattern?.includes('\\d{4}')) return '2021-02-01';
      if (s.format === 'date-time') return '2021-02-01T10:00:00Z';
      if (s.format === 'email') return 'iemand@example.org';
      return 'Tekst';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !s.items ? [] : [plausible(s.items, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = plausible(v, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** Paths to every property of a plausible object, to pick one to spoil. */
function leafPaths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => leafPaths(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...prefix, k]))];
  return [prefix];
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) delete cur[last];
  else cur[last] = value;
  return copy;
}

/**
 * encodeURIComponent, but a lone surrogate (which it refuses) goes out as its three bytes
 * (WTF-8), as a careless client would send it: invalid UTF-8 the server must turn away.
 */
function encodeAny(v: string): string {
  return v
    .split(/([\uD800-\uDFFF])/)
    .map((part) => {
      if (part.length !== 1 || !/[\uD800-\uDFFF]/.test(part)) {
        try {
          return encodeURIComponent(part);
        } catch {
          return '';
        }
      }
      const c = part.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

// ---- cases ---------------------------------------------------------------------------------

interface Case {
  kind: string;
  role: Role;
  path: Record<string, string>;
  query: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

function caseArb(op: Operation): fc.Arbitrary<Case> {
  const base = plausible(op.body ?? {}) as unknown;
  const leaves = op.body ? leafPaths(base) : [[]];
  const role = fc.constantFrom(...ROLES);
  const pathValue = fc.oneof(fc.constantFrom(...knownIds), arbNasty, fc.constantFrom('x'.repeat(300), '%', '..', '%2F', 'null'));
  const pathRecord = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, pathValue] as const))) as fc.Arbitrary<Record<string, string>>;
  const validPath = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, fc.constantFrom(...knownIds)] as const))) as fc.Arbitrary<Record<string, string>>;
  const queryPart = op.queryParams.length
    ? fc
        .array(fc.tuple(fc.constantFrom(...op.queryParams.map((q) => q.name), 'onbekend'), fc.oneof(arbNasty, fc.constantFrom(...NASTY_NUMBERS).map(String))), { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&'))
    : fc.constant('');
  const inner = leaves.filter((l) => l.length);
  const bodyCase = fc.oneof(
    // One property spoiled with a wrong type or a nasty value.
    fc.tuple(fc.constantFrom(...leaves), arbWrong).map(([at, v]) => ({ kind: 'wrong value', body: setAt(base, at, v) })),
    // One property missing.
    inner.length
      ? fc.constantFrom(...inner).map((at) => ({ kind: 'missing field', body: setAt(base, at, undefined, true) }))
      : fc.constant({ kind: 'empty body', body: {} }),
    // The whole body replaced.
    arbWrong.map((v) => ({ kind: 'wrong body', body: v })),
    fc.constantFrom(2_000, 20_000).chain((d) => fc.boolean().map((a) => ({ kind: `nesting ${d}`, rawBody: withNesting(base, d, a), contentType: 'application/json' }))),
    fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1').map((ct) => ({
      kind: `content type ${ct}`,
      rawBody: ct.startsWith('application/json') ? JSON.stringify(base) : 'a=1&b=<x/>',
      contentType: ct,
    })),
    fc.constantFrom('{', '{"a":', '[1,2', '\u0000', 'null', '"string"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}').map((raw) => ({
      kind: 'broken json',
      rawBody: raw,
      contentType: 'application/json',
    })),
  );
  return fc.record({
    role,
    path: fc.oneof(pathRecord, validPath),
    query: queryPart,
    body: op.body || op.method !== 'GET' ? bodyCase : fc.constant({ kind: 'no body' } as { kind: string; body?: unknown }),
    headers: fc.oneof(
      fc.constant({} as Record<string, string>),
      fc.constantFrom<Record<string, string>>(
        { 'x-csrf-token': 'vervalst' },
        { 'x-csrf-token': '' },
        { cookie: 'eh_session=' },
        { cookie: "eh_session=' OR 1=1 --" },
        { cookie: `eh_session=${'a'.repeat(5000)}` },
        { 'accept-language': '\u202E' },
        { 'x-forwarded-for': '999.999.999.999' },
      ),
    ),
  }).map(({ role: ro, path, query, body, headers }) => ({ ...body, role: ro, path, query, headers }));
}

/** Fixed cases every operation gets once: the sizes around the body limit and bad path ids. */
function fixedCases(op: Operation): Case[] {
  const path = Object.fromEntries(op.pathParams.map((p) => [p.name, knownIds[0]]));
  const out: Case[] = [];
  if (op.pathParams.length) {
    out.push({ kind: 'invalid uuid', role: 'office', path: Object.fromEntries(op.pathParams.map((p) => [p.name, 'geen-uuid'])), query: '' });
    out.push({ kind: 'unknown uuid', role: 'office', path: Object.fromEntries(op.pathParams.map((p) => [p.name, '6f1c2b9e-0000-4000-8000-000000000000'])), query: '' });
  }
  if (op.body) {
    const base = plausible(op.body) as Record<string, unknown>;
    const firstString = leafPaths(base).find((l) => l.length && typeof l.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base) === 'string');
    const fill = (size: number) => (firstString ? setAt(base, firstString, 'x'.repeat(size)) : { ...base, extra: 'x'.repeat(size) });
    out.push({ kind: 'string of ~1 MB (under the limit)', role: 'office', path, query: '', body: fill(BODY_LIMIT - 4096) });
    out.push({ kind: 'body just over the limit', role: 'office', path, query: '', body: fill(BODY_LIMIT + 1) });
  }
  return out;
}

// ---- sending and checking -------------------------------------------------------------------

async function send(op: Operation, c: Case): Promise<LightMyRequestResponse> {
  let url = op.path;
  for (const p of op.pathParams) url = url.replace(`{${p.name}}`, encodeAny(c.path[p.name] ?? knownIds[0]));
  if (c.query) url += `?${c.query}`;
  const session = c.role === 'anonymous' ? null : sessions[c.role]!;
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (op.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  Object.assign(headers, c.headers ?? {});
  if (c.rawBody !== undefined) {
    headers['content-type'] = c.contentType ?? 'application/json';
    return t.app.inject({ method: op.method, url, headers, payload: c.rawBody });
  }
  if (c.body !== undefined && op.method !== 'GET') {
    headers['content-type'] = 'application/json';
    return t.app.inject({ method: op.method, url, headers, payload: JSON.stringify(c.body) ?? 'null' });
  }
  return t.app.inject({ method: op.method, url, headers });
}

const describeCase = (op: Operation, c: Case) => {
  const input = JSON.stringify({ path: c.path, query: c.query, headers: c.headers, body: c.body ?? c.rawBody, contentType: c.contentType });
  return `${op.method} ${op.path} as ${c.role} [${c.kind}] ${input.length > 300 ? `${input.slice(0, 300)}… (${input.length} chars)` : input}`;
};

describe('bad input to every operation of the OpenAPI document', () => {
  it('never answers 5xx, answers every refusal with problem+json, and a refusal changes nothing', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const findings: string[] = [];
    const fingerprints = await fingerprinter(t.database, { exclude: MAY_CHANGE_ON_REFUSAL });
    let snapshot: Record<string, TableFingerprint> = await fingerprints();
    let sent = 0;
    let accepted = 0;
    for (const [i, op] of operations.entries()) {
      const generated = fc.sample(caseArb(op), { seed: SEED + i, numRuns: RUNS });
      // The roles take turns, so with FUZZ_RUNS ≥ 4 every role gets its own cases; then the fixed ones.
      const cases = [...generated.map((c, j) => ({ ...c, role: ROLES[j % ROLES.length] })), ...fixedCases(op)];
      for (const c of cases) {
        const res = await send(op, c);
        sent++;
        const where = `${describeCase(op, c)} → ${res.statusCode}`;
        if (res.statusCode >= 500) {
          findings.push(`5xx: ${where}`);
        } else if (res.statusCode >= 400) {
          const problem = res.headers['content-type']?.toString().startsWith('application/problem+json') ? (res.json() as { title?: unknown; code?: unknown }) : null;
          if (!problem || typeof problem.title !== 'string' || typeof problem.code !== 'string') findings.push(`not problem+json: ${where} ${res.body.slice(0, 200)}`);
        }
        const after = await fingerprints();
        const changed = differences(snapshot, after);
        if (res.statusCode >= 400 && changed.length) findings.push(`refused but changed ${changed.join(', ')}: ${where}`);
        if (res.statusCode < 400) {
          accepted++;
          // A request that was accepted may have ended the session (logout): log in again.
          for (const role of ROLES) {
            if (role === 'anonymous') continue;
            if ((await call(t.app, sessions[role]!, 'GET', '/api/v1/me')).statusCode === 401) sessions[role] = await loginAs(t.app, r.emails[role], TEST_PASSWORD);
          }
          snapshot = await fingerprints();
        } else {
          snapshot = after;
        }
      }
    }
    console.log(`fuzz: ${operations.length} operations, ${sent} requests (${accepted} accepted), seed ${SEED}, FUZZ_RUNS=${RUNS}`);
    expect(findings).toEqual([]);
  }, 900_000);
});
