import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { UsageError } from '../core/errors.js';

export interface SmtpTarget {
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  readonly pass?: string;
  /** For messages: the URL without credentials. */
  readonly label: string;
  /** Log in without TLS (config `mail.allow-plain-auth`); otherwise TLS comes first. */
  readonly allowPlainAuth?: boolean;
}

/**
 * `smtp://[user@]host[:port]` (STARTTLS when the server offers it, port 25)
 * or `smtps://[user@]host[:port]` (TLS from the start, port 465). The
 * password never goes in the URL: it comes from $LIAISON_SMTP_PASSWORD.
 */
export function parseSmtpUrl(
  text: string,
  env: NodeJS.ProcessEnv,
  opts: { readonly allowPlainAuth?: boolean } = {},
): SmtpTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `--smtp-url ${text}: not a URL; expected smtp://[user@]host[:port] or smtps://...`,
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new UsageError(
      `--smtp-url ${text}: scheme must be smtp:// or smtps://, not ${url.protocol}//`,
    );
  }
  if (!url.hostname) throw new UsageError(`--smtp-url ${text}: no host`);
  if (url.password)
    throw new UsageError(
      `--smtp-url: do not put the password in the URL; set LIAISON_SMTP_PASSWORD`,
    );
  if (url.pathname && url.pathname !== '/' && url.pathname !== '')
    throw new UsageError(`--smtp-url ${text}: unexpected path ${url.pathname}`);
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 25;
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const pass = env.LIAISON_SMTP_PASSWORD;
  if (user && !pass)
    throw new UsageError(`--smtp-url names user ${user} but LIAISON_SMTP_PASSWORD is not set`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    secure,
    host,
    port,
    ...(user ? { user } : {}),
    ...(user && pass ? { pass } : {}),
    label: `${url.protocol}//${host}:${port}`,
    ...(opts.allowPlainAuth ? { allowPlainAuth: true } : {}),
  };
}

/**
 * What became of one message. `definite`: the server said no, or it never
 * got the whole message, so sending again cannot duplicate it. Otherwise
 * the connection broke after the message went out and only the server
 * knows (the ledger records it as unknown).
 */
export type SendOutcome =
  | { readonly accepted: true; readonly response: string }
  | { readonly accepted: false; readonly definite: boolean; readonly error: string };

export interface Channel {
  readonly name: string;
  /** `onBodyStart` runs (synchronously) right before the first byte of the message leaves. */
  send(
    to: string,
    from: string,
    raw: Buffer,
    messageId: string,
    onBodyStart: () => void,
  ): Promise<SendOutcome>;
  /** Settles a message a dead sender left half-done. */
  resolveStale(messageId: string, recipient: string): 'sent' | 'failed' | 'unknown';
  close(): void;
}

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** One SMTP connection per message: a broken connection never affects the next one. */
export function smtpChannel(target: SmtpTarget, opts: { name?: string } = {}): Channel {
  return {
    name: `smtp ${target.label}`,
    send: (to, from, raw, _id, onBodyStart) =>
      sendOne(target, opts.name, to, from, raw, onBodyStart),
    resolveStale: () => 'unknown',
    close: () => undefined,
  };
}

function sendOne(
  target: SmtpTarget,
  name: string | undefined,
  to: string,
  from: string,
  raw: Buffer,
  onBodyStart: () => void,
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    // a password is sent only inside TLS: smtps://, or STARTTLS required before AUTH
    const tlsFirst = target.user !== undefined && !target.secure && target.allowPlainAuth !== true;
    const conn = new SMTPConnection({
      host: target.host,
      port: target.port,
      secure: target.secure,
      ...(tlsFirst ? { requireTLS: true } : {}),
      ...(name ? { name } : {}),
      ...TIMEOUTS,
    });
    let settled = false;
    let bodyRead = false; // set once the body starts to flow
    const done = (o: SendOutcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
      try {
        if (o.accepted) conn.quit();
        else conn.close();
      } catch {
        // already closed
      }
    };
    const fail = (err: Error & { responseCode?: number; response?: string; code?: string }) => {
      // a reply code is a refusal; a broken connection before the body started cannot have delivered it
      const definite = typeof err.responseCode === 'number' || !bodyRead;
      const reply = err.response ? ` (${err.response})` : err.code ? ` (${err.code})` : '';
      if (tlsFirst && !bodyRead && /STARTTLS|ETLS/i.test(`${err.message} ${err.code ?? ''}`)) {
        done({
          accepted: false,
          definite: true,
          error:
            `${target.label} offers no STARTTLS: the password is not sent in clear ` +
            '(use smtps://, a server with STARTTLS, or mail.allow-plain-auth: true for a loopback relay)',
        });
        return;
      }
      done({ accepted: false, definite, error: `${err.message}${reply}` });
    };
    conn.on('error', fail);
    conn.connect((err) => {
      if (err) {
        fail(err);
        return;
      }
      const send = () => {
        // nodemailer reads the body only after the server accepted DATA (354)
        let started = false;
        const body = new Readable({
          read() {
            if (!started) {
              started = true;
              bodyRead = true;
              onBodyStart();
            }
            this.push(raw);
            this.push(null);
          },
        });
        conn.send({ from, to: [to] }, body, (e, info) => {
          if (e) fail(e);
          else if (!info.accepted.length)
            done({ accepted: false, definite: true, error: `recipient refused: ${info.response}` });
          else done({ accepted: true, response: info.response });
        });
      };
      if (target.user && target.pass) {
        conn.login({ user: target.user, pass: target.pass }, (e) => {
          if (e) fail(e);
          else send();
        });
      } else send();
    });
  });
}
