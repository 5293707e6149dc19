import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RefusedError, UsageError } from '../../core/errors.js';

/**
 * Gerrit HTTP credentials for `/a/` writes: the account's username and its
 * generated HTTP password (not the SSO password). From the environment
 * (LIAISON_GERRIT_USER + LIAISON_GERRIT_PASSWORD), else from a file that
 * only its owner may read:
 *
 *     # ~/.config/release-liaison/gerrit-credentials  (chmod 600)
 *     username=jdoe
 *     password=the-generated-http-password
 */
export interface GerritCredentials {
  readonly username: string;
  readonly password: string;
  /** Where they came from, for messages (never the secret). */
  readonly origin: string;
}

export function defaultCredentialsFile(env: NodeJS.ProcessEnv, cwd: string): string {
  const base = env.XDG_CONFIG_HOME ?? join(env.HOME ?? cwd, '.config');
  return join(base, 'release-liaison', 'gerrit-credentials');
}

/** Parses the `key=value` file; unknown keys are an error so a typo is seen. */
export function parseCredentialsFile(
  text: string,
  file: string,
): { username: string; password: string } {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq).trim();
    if (eq < 0 || (key !== 'username' && key !== 'password')) {
      throw new UsageError(`${file}:${i + 1}: expected "username=…" or "password=…"`);
    }
    values[key] = line.slice(eq + 1).trim();
  });
  if (!values.username) throw new UsageError(`${file}: username: missing`);
  if (!values.password) throw new UsageError(`${file}: password: missing`);
  return { username: values.username, password: values.password };
}

/**
 * The credentials to post with. A file readable by its group or by others
 * is refused (the HTTP password lets anyone vote as you).
 */
export function loadGerritCredentials(
  env: NodeJS.ProcessEnv,
  cwd: string,
  file?: string,
): GerritCredentials {
  const user = env.LIAISON_GERRIT_USER;
  const password = env.LIAISON_GERRIT_PASSWORD;
  if (user || password) {
    if (!user || !password) {
      throw new UsageError(
        'set both LIAISON_GERRIT_USER and LIAISON_GERRIT_PASSWORD (the Gerrit HTTP password), or neither',
      );
    }
    return { username: user, password, origin: 'LIAISON_GERRIT_USER/LIAISON_GERRIT_PASSWORD' };
  }
  const path = file ?? env.LIAISON_GERRIT_CREDENTIALS ?? defaultCredentialsFile(env, cwd);
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new UsageError(
      `no Gerrit credentials: set LIAISON_GERRIT_USER and LIAISON_GERRIT_PASSWORD, or write ${path} (username=…, password=…; chmod 600)`,
    );
  }
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    throw new RefusedError(
      `${path} is readable by other users (mode ${octal}); refusing to use it. Run: chmod 600 ${path}`,
    );
  }
  return { ...parseCredentialsFile(readFileSync(path, 'utf8'), path), origin: path };
}
