import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, parseSmtpUrl, sendMails } from './notifications.smtp.js';

/** A tiny SMTP server that records the conversation (no TLS offered). */
function fakeServer(opts: { auth?: boolean } = {}) {
  const log: string[] = [];
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let data = false;
    let buffer = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (data) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        log.push(line);
        if (line.startsWith('EHLO')) socket.write(`250-fake\r\n${opts.auth ? '250-AUTH PLAIN\r\n' : ''}250 8BITMIME\r\n`);
        else if (line.startsWith('AUTH PLAIN')) socket.write('235 ok\r\n');
        else if (line.startsWith('MAIL FROM') || line.startsWith('RCPT TO')) socket.write('250 ok\r\n');
        else if (line === 'DATA') {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (line === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('500 what?\r\n');
      }
    });
  });
  return new Promise<{ port: number; log: string[]; messages: string[]; close: () => void }>((resolve) =>
    server.listen(0, '0.0.0.0', () => resolve({ port: (server.address() as net.AddressInfo).port, log, messages, close: () => server.close() })),
  );
}

let close: (() => void) | null = null;
afterEach(() => close?.());

describe('the SMTP sender', () => {
  it('reads SMTP_URL', () => {
    expect(parseSmtpUrl('smtps://mailer:geheim%21@mail.example.org')).toEqual({ host: 'mail.example.org', port: 465, secure: true, user: 'mailer', pass: 'geheim!' });
    expect(parseSmtpUrl('smtp://relay:2525')).toMatchObject({ host: 'relay', port: 2525, secure: false, user: null });
    expect(() => parseSmtpUrl('http://x')).toThrow(/smtp/);
  });

  it('formats a UTF-8 message with an encoded subject and dot-stuffing', () => {
    const m = formatMessage({ from: 'a@x.nl', to: 'b@x.nl', subject: 'Aanbod “Nijevelt”', text: 'regel 1\n.regel 2' }, new Date(0));
    expect(m).toContain('Subject: =?UTF-8?B?');
    expect(m).toContain('\r\n..regel 2');
    expect(m).toContain('Content-Type: text/plain; charset=utf-8');
  });

  it('delivers messages over one conversation, logging in to a local relay', async () => {
    const srv = await fakeServer({ auth: true });
    close = srv.close;
    const sent = await sendMails({ host: '127.0.0.1', port: srv.port, secure: false, user: 'u', pass: 'p' }, [
      { from: 'noreply@eerstethuis.nl', to: 'a@example.org', subject: 'Eén', text: 'Hallo' },
      { from: 'noreply@eerstethuis.nl', to: 'b@example.org', subject: 'Twee', text: 'Hoi' },
    ]);
    expect(sent).toBe(2);
    expect(srv.log.filter((l) => l.startsWith('RCPT TO'))).toEqual(['RCPT TO:<a@example.org>', 'RCPT TO:<b@example.org>']);
    expect(srv.log.some((l) => l.startsWith('AUTH PLAIN'))).toBe(true);
    expect(srv.messages[1]).toContain('Subject: Twee');
  });

  it('refuses to send a password in the clear to another machine', async () => {
    const srv = await fakeServer({ auth: true });
    close = srv.close;
    // 127.0.0.2 reaches the same server but is not one of the names of this machine: no AUTH without TLS.
    await expect(sendMails({ host: '127.0.0.2', port: srv.port, secure: false, user: 'u', pass: 'p' }, [])).rejects.toThrow(/TLS/);
    expect(srv.log.some((l) => l.startsWith('AUTH'))).toBe(false);
  });
});
