import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { CommunityDeps } from './deps.ts';
import { CommunitySourceInvalidError } from './errors.ts';
import { getSource } from './get-source.ts';
import { polledKinds, SourceInput, type Source } from './source.ts';

/** Registers a community source; polled kinds need a URL (reddit and telegram-bot have defaults) and are due at once. */
export async function addSource(deps: Pick<CommunityDeps, 'store' | 'clock'>, input: SourceInput): Promise<Source> {
  const parsed = SourceInput.safeParse(input);
  if (!parsed.success) throw new CommunitySourceInvalidError(z.prettifyError(parsed.error).replace(/\n/g, '; '));
  const data = parsed.data;
  if ((data.kind === 'rss' || data.kind === 'discourse') && !data.url) throw new CommunitySourceInvalidError(`a ${data.kind} source needs a url`);
  if (data.kind === 'reddit' && !data.settings.subreddit) throw new CommunitySourceInvalidError('a reddit source needs settings.subreddit');
  if (data.kind === 'telegram-bot' && !data.settings.botTokenEnv) throw new CommunitySourceInvalidError('a telegram-bot source needs settings.botTokenEnv (the environment variable with the bot token)');
  const { db } = deps.store;
  if (await db.selectFrom('community_sources').select('id').where('name', '=', data.name).executeTakeFirst()) throw new CommunitySourceInvalidError(`the name "${data.name}" is taken`);
  const now = deps.clock.now().toISOString();
  const id = newId('csrc', deps.clock.nowMs());
  await db
    .insertInto('community_sources')
    .values({ id, kind: data.kind, name: data.name, url: data.url ?? null, settings: JSON.stringify(data.settings), enabled: data.enabled ? 1 : 0, poll_interval_sec: data.pollIntervalSec, cursor: null, etag: null, last_modified: null, next_poll_at: polledKinds.includes(data.kind) ? now : null, failures: 0, last_error: null, last_polled_at: null, created_at: now, updated_at: now })
    .execute();
  return getSource(deps, id);
}
