import net from 'node:net';
import tls from 'node:tls';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rows } from '../../http/context.js';

/**
 * A small SMTP client (RFC 5321) on node's net/tls, enough to hand the outbox to a mail relay:
 * `smtp://[user:pass@]host[:port]` (STARTTLS when the server offers it) or `smtps://…` (TLS from
 * the start, port 465). AUTH PLAIN only over TLS, or to a relay on this machine. Plain-text UTF-8
 * messages; no attachments, no pipelining — the outbox sends one message at a time.
 */
export interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
}

/** Reads SMTP_URL: the scheme decides TLS, the port defaults to 465 (smtps) or 25. */
export function parseSmtpUrl(url: string): SmtpTarget {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP_URL moet met smtp:// of smtps:// beginnen / must start with smtp:// or smtps://`);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 25,
    secure,
    user: u.username ? decodeURIComponent(u.username) : null,
    pass: u.password ? decodeURIComponent(u.password) : null,
  };
}

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** RFC 2047 for a header with non-ASCII characters (Dutch accents, “quotes”). */
const header = (v: string) => (/^[\x20-\x7e]*$/.test(v) ? v : `=?UTF-8?B?${Buffer.from(v, 'utf8').toString('base64')}?=`);

/** The message as sent after DATA: headers, a blank line, the body with CRLF and dot-stuffing. */
export function formatMessage(m: Mail, date = new Date()): string {
  const body = m.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${header(m.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n');
}

/** One SMTP conversation: reads replies (multi-line aware) and sends commands. */
class Conversation {
  private buffer = '';
  private waiting: ((line: string) => void) | null = null;
  private failure: Error | null = null;

  constructor(private socket: net.Socket | tls.TLSSocket) {
    this.attach(socket);
  }

  attach(socket: net.Socket | tls.TLSSocket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.flush();
    });
    socket.on('error', (err) => {
      this.failure = err;
      this.flush();
    });
  }

  get raw() {
    return this.socket;
  }

  private flush() {
    if (!this.waiting) return;
    // A reply is complete at a line "NNN text" (a space, not a dash, after the code).
    const m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
    if (m) {
      const end = m.index + m[0].length;
      const reply = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end);
      const done = this.waiting;
      this.waiting = null;
      done(reply);
    } else if (this.failure) {
      const done = this.waiting;
      this.waiting = null;
      done(`000 ${this.failure.message}\r\n`);
    }
  }

  /** The next reply; throws unless its code is one of `ok`. */
  async reply(ok: number[]): Promise<string> {
    const text = await new Promise<string>((resolve) => {
      this.waiting = resolve;
      this.flush();
    });
    const code = Number(/(\d{3}) [^\r\n]*\r\n$/.exec(text)?.[1] ?? 0);
    if (!ok.includes(code)) throw new Error(`SMTP: ${text.trim()}`);
    return text;
  }

  async command(line: string, ok: number[]): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply(ok);
  }
}

function connect(t: SmtpTarget): Promise<net.Socket | tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const s = t.secure ? tls.connect({ host: t.host, port: t.port, servername: t.host }, () => resolve(s)) : net.connect({ host: t.host, port: t.port }, () => resolve(s));
    s.once('error', reject);
    s.setTimeout(30_000, () => s.destroy(new Error('SMTP timeout')));
  });
}

const local = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '::1';

/** Sends the mails over one connection; returns how many were accepted by the server. */
export async function sendMails(target: SmtpTarget, mails: Mail[], opts: { startTls?: boolean } = {}): Promise<number> {
  const c = new Conversation(await connect(target));
  let sent = 0;
  try {
    await c.reply([220]);
    let ehlo = await c.command(`EHLO ${os.hostname() || 'eerstethuis'}`, [250]);
    let secure = target.secure;
    if (!secure && opts.startTls !== false && /STARTTLS/i.test(ehlo)) {
      await c.command('STARTTLS', [220]);
      const upgraded = await new Promise<tls.TLSSocket>((resolve, reject) => {
        const s = tls.connect({ socket: c.raw as net.Socket, servername: target.host }, () => resolve(s));
        s.once('error', reject);
      });
      c.attach(upgraded);
      secure = true;
      ehlo = await c.command(`EHLO ${os.hostname() || 'eerstethuis'}`, [250]);
    }
    if (target.user) {
      // Never send a password in the clear to another machine.
      if (!secure && !local(target.host)) throw new Error('SMTP: inloggen zonder TLS geweigerd / refusing to authenticate without TLS');
      const token = Buffer.from(`\0${target.user}\0${target.pass ?? ''}`, 'utf8').toString('base64');
      await c.command(`AUTH PLAIN ${token}`, [235]);
    }
    for (const m of mails) {
      await c.command(`MAIL FROM:<${m.from}>`, [250]);
      await c.command(`RCPT TO:<${m.to}>`, [250, 251]);
      await c.command('DATA', [354]);
      await c.command(`${formatMessage(m)}\r\n.`, [250]);
      sent += 1;
    }
    await c.command('QUIT', [221]).catch(() => '');
  } finally {
    c.raw.end();
  }
  return sent;
}

/**
 * Sends the unsent messages of the outbox (oldest first, at most `limit`) through SMTP and marks
 * them sent. Runs as the owner, outside any request (`eerstethuis outbox send`, from a
 * scheduler every minute). A message is marked only after the server accepted it.
 */
export async function sendOutbox(
  database: Database,
  smtpUrl: string,
  from: string,
  opts: { limit?: number; regionId?: string } = {},
): Promise<{ sent: number; pending: number }> {
  const target = parseSmtpUrl(smtpUrl);
  const region = opts.regionId ? sql`AND region_id = ${opts.regionId}` : sql``;
  const pending = await database.db.transaction((tx) =>
    rows<{ region_id: string; id: string; to_address: string; subject: string; body_text: string }>(
      tx,
      sql`SELECT region_id, id, to_address, subject, body_text FROM outbox_messages WHERE sent_at IS NULL ${region}
           ORDER BY created_at, id LIMIT ${opts.limit ?? 100}`,
    ),
  );
  let sent = 0;
  for (const m of pending) {
    await sendMails(target, [{ from, to: m.to_address, subject: m.subject, text: m.body_text }]);
    await database.query('UPDATE outbox_messages SET sent_at = now() WHERE region_id = $1 AND id = $2', [m.region_id, m.id]);
    sent += 1;
  }
  const [left] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_messages WHERE sent_at IS NULL${opts.regionId ? ' AND region_id = $1' : ''}`,
    opts.regionId ? [opts.regionId] : [],
  );
  return { sent, pending: left.n };
}
