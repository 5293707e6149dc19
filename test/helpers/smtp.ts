import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** How the loopback server behaves; change `mode` between runs. */
export type SmtpMode =
  'accept' | 'refuse-rcpt' | 'refuse-data' | 'drop-at-data' | 'drop-on-connect';

export interface ReceivedMail {
  readonly envelopeTo: string[];
  readonly envelopeFrom: string;
  readonly raw: string;
  readonly parsed: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps
 * every message it accepted, parsed back with mailparser. Tests can make it
 * refuse recipients or messages, or drop the connection.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  mode: SmtpMode = 'accept';
  private server!: SMTPServer;
  private waiters: (() => void)[] = [];
  port = 0;

  static async start(
    opts: { auth?: { user: string; pass: string } } = {},
  ): Promise<TestSmtpServer> {
    const s = new TestSmtpServer();
    const options: SMTPServerOptions = {
      disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !opts.auth,
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 200,
      disableReverseLookup: true,
      onAuth(auth, _session, cb) {
        if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
          cb(null, { user: auth.username });
        else cb(new Error('Invalid username or password'));
      },
      onConnect: (_session, cb) => {
        for (const w of s.waiters.splice(0)) w();
        if (s.mode === 'drop-on-connect') {
          const err = new Error('Service not available, closing') as Error & {
            responseCode: number;
          };
          err.responseCode = 421;
          cb(err);
          return;
        }
        cb();
      },
      onRcptTo: (_address, _session, cb) => {
        if (s.mode === 'refuse-rcpt') {
          const err = new Error('Mailbox unavailable') as Error & { responseCode: number };
          err.responseCode = 550;
          cb(err);
          return;
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        if (s.mode === 'drop-at-data') {
          // read part of the message, then break the connection without a reply
          stream.once('data', () => {
            (session as unknown as { _socket?: { destroy(): void } })._socket?.destroy();
            s.dropAll();
          });
          stream.on('error', () => undefined);
          return;
        }
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (s.mode === 'refuse-data') {
            const err = new Error('Message rejected as spam') as Error & { responseCode: number };
            err.responseCode = 554;
            cb(err);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          void simpleParser(raw).then((parsed) => {
            s.received.push({
              envelopeTo: session.envelope.rcptTo.map((a) => a.address),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              raw,
              parsed,
            });
            cb();
          });
        });
      },
    };
    s.server = new SMTPServer(options);
    // a client that dies mid-session (the kill tests) resets its connection: not a server failure
    s.server.on('error', () => undefined);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.port = (s.server.server.address() as AddressInfo).port;
    return s;
  }

  /** Resolves when the next client connects (to act at a known point of a run). */
  nextConnection(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Closes every open connection (used to drop a client mid-message). */
  private dropAll(): void {
    for (const c of this.server.connections as Set<{ _socket?: { destroy(): void } }>)
      c._socket?.destroy();
  }

  /** How many copies of each Message-ID arrived. */
  countsByMessageId(): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.received) {
      const id = r.parsed.messageId ?? '';
      m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
