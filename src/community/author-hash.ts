import { createHmac, randomBytes } from 'node:crypto';
import type { CommunityDeps } from './deps.ts';

const metaKey = 'community.author_secret';
const cache = new WeakMap<object, Promise<string>>();

/** The author-hash key: the configured one, else one generated once and kept in the store (shared by replicas). */
export function authorSecret(deps: Pick<CommunityDeps, 'store' | 'config'>): Promise<string> {
  if (deps.config.authorSecret) return Promise.resolve(deps.config.authorSecret);
  let p = cache.get(deps.store);
  if (!p) {
    p = (async () => {
      const { db } = deps.store;
      const row = await db.selectFrom('opsdesk_meta').select('value').where('key', '=', metaKey).executeTakeFirst();
      if (row) return row.value;
      await db.insertInto('opsdesk_meta').values({ key: metaKey, value: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('key').doNothing()).execute();
      return (await db.selectFrom('opsdesk_meta').select('value').where('key', '=', metaKey).executeTakeFirstOrThrow()).value;
    })();
    p.catch(() => cache.delete(deps.store));
    cache.set(deps.store, p);
  }
  return p;
}

/** A keyed HMAC of the platform and author id: the same person hashes alike within a platform, and no id is stored. */
export function hashAuthor(secret: string, kind: string, authorId: string): string {
  return createHmac('sha256', secret).update(`${kind}\u0000${authorId}`).digest('base64url').slice(0, 22);
}
