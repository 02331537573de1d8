import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Kit } from '../../../../test/support/participants.js';
import { availableUnits, readyCandidate } from '../../../../test/support/offers.js';
import { tick } from '../offers/offers.tick.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp({ demoMode: true });
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function sendCall(kk: Kit, over: Record<string, unknown> = {}) {
  const { locationId, unitIds } = await availableUnits(kk, 2);
  const res = await call(t.app, kk.s.office, 'POST', '/api/v1/calls', {
    programmeId: kk.r.programmeId,
    title: 'Twee appartementen in Zuilenstein',
    locationId,
    requirements: 'Alleenstaand, klaar om zelfstandig te wonen met begeleiding; geen huisdieren.',
    deadline: addDays(10),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { c: res.json(), locationId, unitIds };
}

const nominate = (kk: Kit, as: string, callId: string, participantId: string) =>
  call(t.app, kk.s[as], 'POST', `/api/v1/calls/${callId}/nominations`, { participantId, motivation: 'Stabiel, houdt afspraken na en wil in deze wijk wonen.' });

describe('broad calls', () => {
  it('go to every care provider (in the app and by e-mail) and are answered with nominations the office reviews side by side', async () => {
    const { c, unitIds } = await sendCall(k);
    expect(c).toMatchObject({ status: 'open', nominationCount: 0, units: unitIds.map((id) => expect.objectContaining({ id })) });
    expect(c.recipients.map((r: { id: string }) => r.id).sort()).toEqual([k.r.orgs.providerA, k.r.orgs.providerB].sort());
    const notes = (await call(t.app, k.s.careWorkerB, 'GET', '/api/v1/notifications')).json();
    expect(notes.items[0]).toMatchObject({ kind: 'call.sent', link: `/uitvragen/${c.id}` });
    expect(notes.unread).toBeGreaterThan(0);
    const mail = (await call(t.app, k.s.office, 'GET', '/api/v1/outbox-messages?limit=200')).json().items as { kind: string; to: string }[];
    expect(mail.filter((m) => m.kind === 'call.sent').length).toBeGreaterThanOrEqual(3);

    const a = await readyCandidate(k, { waitingListRegisteredOn: '2019-06-01' });
    const b = await readyCandidate(k);
    const first = await nominate(k, 'careWorker', c.id, a.code);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ participant: { id: a.id, code: a.code }, organisation: { id: k.r.orgs.providerA }, fit: null });
    expect((await nominate(k, 'careManager', c.id, b.id)).statusCode).toBe(201);
    expect((await nominate(k, 'careWorker', c.id, a.id)).statusCode).toBe(409);
    // Not ready yet: refused; another provider's candidate: not visible; the office does not nominate.
    const early = await buildParticipant(k, 'assessed');
    const notReady = await nominate(k, 'careWorker', c.id, early.id);
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().detail).toContain('klaar');
    expect((await nominate(k, 'careWorkerB', c.id, a.id)).statusCode).toBe(404);
    expect((await nominate(k, 'office', c.id, a.id)).statusCode).toBe(403);

    const office = (await call(t.app, k.s.office, 'GET', `/api/v1/calls/${c.id}`)).json();
    expect(office.nominations).toHaveLength(2);
    expect(office.recipients.find((r: { id: string }) => r.id === k.r.orgs.providerA).nominations).toBe(2);
    const fitA = office.nominations.find((n: { participant: { id: string } }) => n.participant.id === a.id).fit;
    expect(fitA.map((f: { unitId: string }) => f.unitId).sort()).toEqual([...unitIds].sort());
    expect(fitA[0]).toMatchObject({ eligible: true, score: { parts: expect.arrayContaining([expect.objectContaining({ code: 'nominated', points: 150 })]) } });
    // Provider B sees the call but not provider A's nominations; the corporation does not see calls.
    const providerB = (await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/calls/${c.id}`)).json();
    expect(providerB).toMatchObject({ nominations: [], recipients: null, abilities: { nominate: true } });
    expect((await call(t.app, k.s.corporation, 'GET', `/api/v1/calls/${c.id}`)).statusCode).toBe(403);
    const officeNotes = (await call(t.app, k.s.office, 'GET', '/api/v1/notifications?unread=true&limit=200')).json().items as { kind: string }[];
    expect(officeNotes.filter((n) => n.kind === 'call.nominated')).toHaveLength(2);
  });

  it('may go to a chosen set of providers only; others do not see it', async () => {
    const { c } = await sendCall(k, { recipientIds: [k.r.orgs.providerB] });
    expect((await call(t.app, k.s.careWorker, 'GET', `/api/v1/calls/${c.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/calls/${c.id}`)).statusCode).toBe(200);
    const list = (await call(t.app, k.s.careWorker, 'GET', '/api/v1/calls?limit=200')).json().items as { id: string }[];
    expect(list.map((x) => x.id)).not.toContain(c.id);
    const bad = await call(t.app, k.s.office, 'POST', '/api/v1/calls', {
      programmeId: k.r.programmeId, title: 'Fout', requirements: 'Niets', deadline: addDays(-1), recipientIds: [k.r.orgs.corporationA],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['locationId', 'deadline', 'recipientIds']));
  });

  it('reminds providers who have not answered before the deadline, then closes (the daily tick); the office can close early', async () => {
    const r = await buildRegion(t.database);
    const kk = await kitFor(t, r);
    const { c } = await sendCall(kk, { deadline: addDays(2) });
    const p = await readyCandidate(kk);
    await nominate(kk, 'careWorker', c.id, p.id);
    expect((await tick(t.database, { on: addDays(-1), regionId: r.regionId })).calls).toEqual({ reminded: 0, closed: 0 });
    expect((await tick(t.database, { on: addDays(0), regionId: r.regionId })).calls).toEqual({ reminded: 1, closed: 0 });
    expect((await tick(t.database, { on: addDays(1), regionId: r.regionId })).calls).toEqual({ reminded: 0, closed: 0 });
    const reminders = (await call(t.app, kk.s.careWorkerB, 'GET', '/api/v1/notifications')).json().items as { kind: string }[];
    expect(reminders.map((n) => n.kind)).toContain('call.reminder');
    expect((await call(t.app, kk.s.careWorker, 'GET', '/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind)).not.toContain('call.reminder');
    expect((await tick(t.database, { on: addDays(3), regionId: r.regionId })).calls).toEqual({ reminded: 0, closed: 1 });
    const closed = (await call(t.app, kk.s.office, 'GET', `/api/v1/calls/${c.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', abilities: { close: false } });
    expect((await nominate(kk, 'careWorker', c.id, (await readyCandidate(kk)).id)).statusCode).toBe(409);
    const early = await sendCall(kk);
    const res = await call(t.app, kk.s.office, 'POST', `/api/v1/calls/${early.c.id}/closures`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('closed');
    expect((await call(t.app, kk.s.office, 'POST', `/api/v1/calls/${early.c.id}/closures`, {})).statusCode).toBe(409);
  });
});

describe('notifications', () => {
  it('are each user’s own, and can be marked read', async () => {
    const kk = await kitFor(t, await buildRegion(t.database));
    await sendCall(kk);
    const mine = (await call(t.app, kk.s.careWorker, 'GET', '/api/v1/notifications?unread=true')).json();
    expect(mine.items.length).toBe(1);
    expect((await call(t.app, kk.s.corporation, 'GET', '/api/v1/notifications')).json().items).toHaveLength(0);
    // Someone else's notification id marks nothing.
    expect((await call(t.app, kk.s.careWorkerB, 'POST', '/api/v1/notifications/reads', { ids: [mine.items[0].id] })).json().marked).toBe(0);
    expect((await call(t.app, kk.s.careWorker, 'POST', '/api/v1/notifications/reads', { ids: [mine.items[0].id] })).json().marked).toBe(1);
    expect((await call(t.app, kk.s.careWorker, 'GET', '/api/v1/notifications?unread=true')).json()).toMatchObject({ items: [], unread: 0 });
    expect((await call(t.app, kk.s.careWorkerB, 'POST', '/api/v1/notifications/reads', {})).json().marked).toBe(1);
  });
});

describe('the outbox over SMTP', () => {
  it('sends the unsent messages to the relay and marks them sent', async () => {
    const net = await import('node:net');
    const { sendOutbox } = await import('../notifications/notifications.smtp.js');
    const r = await buildRegion(t.database);
    const kk = await kitFor(t, r);
    await sendCall(kk);
    const received: string[] = [];
    const server = net.createServer((s) => {
      s.setEncoding('utf8');
      let data = false;
      s.write('220 relay\r\n');
      s.on('data', (chunk: string) => {
        for (const line of chunk.split('\r\n').filter(Boolean)) {
          if (data) {
            if (line === '.') {
              data = false;
              s.write('250 ok\r\n');
            }
            continue;
          }
          if (line.startsWith('RCPT TO')) received.push(line);
          if (line === 'DATA') {
            data = true;
            s.write('354 go\r\n');
          } else if (line === 'QUIT') s.end('221 bye\r\n');
          else s.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (server.address() as { port: number }).port;
      const out = await sendOutbox(t.database, `smtp://127.0.0.1:${port}`, 'noreply@eerstethuis.nl', { regionId: r.regionId });
      expect(out.sent).toBeGreaterThanOrEqual(3);
      expect(out.pending).toBe(0);
      expect(received).toHaveLength(out.sent);
      const [left] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_messages WHERE region_id = $1 AND sent_at IS NULL', [r.regionId]);
      expect(left.n).toBe(0);
    } finally {
      server.close();
    }
  });
});
