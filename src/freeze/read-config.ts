import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_BOTS, type BotAccounts } from './plan-classify.js';

/**
 * The `freeze:` section of the team config (validated here, as each
 * capability validates its own section):
 *
 *     freeze:
 *       credentials-file: ~/.config/release-liaison/gerrit-credentials
 *       proposal-bot: [proposal-bot]      # Gerrit usernames
 *       release-bot: [release]
 */
const freezeSchema = z.strictObject({
  'credentials-file': z.string().min(1).optional(),
  'proposal-bot': z.array(z.string().min(1)).min(1).optional(),
  'release-bot': z.array(z.string().min(1)).min(1).optional(),
});

export interface FreezeConfig {
  readonly credentialsFile?: string;
  readonly bots: BotAccounts;
}

export function readFreezeConfig(
  section: unknown,
  origin: string,
  home: string | undefined,
): FreezeConfig {
  const r = freezeSchema.safeParse(section ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = ['freeze', ...(issue?.path ?? []).map(String)].join('.');
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : (issue?.message ?? 'invalid');
    throw new ConfigError(message, origin, path);
  }
  const file = r.data['credentials-file'];
  return {
    ...(file
      ? { credentialsFile: file.startsWith('~/') && home ? `${home}/${file.slice(2)}` : file }
      : {}),
    bots: {
      proposal: r.data['proposal-bot'] ?? DEFAULT_BOTS.proposal,
      release: r.data['release-bot'] ?? DEFAULT_BOTS.release,
    },
  };
}
