import { newId } from '../core/index.ts';
import { redactText } from '../redaction/index.ts';
import { authorSecret, hashAuthor } from './author-hash.ts';
import type { CommunityDeps } from './deps.ts';
import { detectLanguage } from '../i18n/index.ts';
import { scanPost } from './scams.ts';
import { sentimentOf } from './sentiment.ts';
import type { ParsedPosts, Rejected, Source } from './source.ts';
import { findSignals, topicsOf } from './topics.ts';

export interface IngestReport {
  source: string;
  received: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Why entries were rejected (first 20). */
  rejections: Rejected[];
  scams: number;
}

const maxTextChars = 20_000;
const chunkSize = 200;

/**
 * Stores posts of one source: each text is redacted before anything else reads it, then entities,
 * category, features, symptoms, topics, sentiment and the scam watch run on the redacted text; the
 * author id becomes a keyed HMAC. A post already stored for the source (same external id) is skipped.
 */
export async function ingestPosts(deps: CommunityDeps, source: Pick<Source, 'id' | 'kind' | 'name'>, parsed: ParsedPosts): Promise<IngestReport> {
  const report: IngestReport = { source: source.name, received: parsed.posts.length + parsed.rejected.length, inserted: 0, duplicates: 0, rejected: parsed.rejected.length, rejections: parsed.rejected.slice(0, 20), scams: 0 };
  if (!parsed.posts.length) return report;
  const { db } = deps.store;
  const secret = await authorSecret(deps);
  const ids = [...new Set(parsed.posts.map((p) => p.externalId))];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('community_messages').select('external_id').where('source_id', '=', source.id).where('external_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) known.add(r.external_id);
  }
  const now = deps.clock.now().toISOString();
  // One transaction per chunk: a synchronous=FULL SQLite commit per post would dominate imports.
  for (let i = 0; i < parsed.posts.length; i += chunkSize) {
    const chunk = parsed.posts.slice(i, i + chunkSize);
    await db.transaction().execute(async (trx) => {
      for (const post of chunk) {
        if (known.has(post.externalId)) {
          report.duplicates++;
          continue;
        }
        known.add(post.externalId);
        const redacted = redactText(post.text.slice(0, maxTextChars));
        const text = redacted.text;
        const entities = deps.entities.extract(text);
        const category = deps.classify?.(text) ?? null;
        const signals = findSignals(text);
        const appVersion = post.appVersion ?? entities.appVersion ?? null;
        const topics = topicsOf({ chains: entities.chains, features: signals.features, symptoms: signals.symptoms, category, appVersion });
        const authorHash = hashAuthor(secret, source.kind, post.authorId);
        const id = newId('cmsg', deps.clock.nowMs());
        const inserted = await trx
          .insertInto('community_messages')
          .values({
            id,
            source_id: source.id,
            external_id: post.externalId,
            channel: post.channel ?? source.name,
            author_hash: authorHash,
            text,
            url: post.url ?? null,
            ...languageOf(text),
            category,
            chains: JSON.stringify(entities.chains),
            tokens: JSON.stringify(entities.tokens),
            features: JSON.stringify(signals.features),
            symptoms: JSON.stringify(signals.symptoms),
            app_version: appVersion,
            topics: JSON.stringify(topics),
            sentiment: sentimentOf(text, post.rating),
            redactions: redacted.redactions.length,
            posted_at: post.postedAt,
            ingested_at: now,
          })
          .onConflict((oc) => oc.columns(['source_id', 'external_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
          report.duplicates++;
          continue;
        }
        report.inserted++;
        if (topics.length) await trx.insertInto('community_topic_hits').values(topics.map((topic) => ({ message_id: id, topic, author_hash: authorHash, posted_at: post.postedAt }))).execute();
        const findings = scanPost(text, post.authorName, { brandNames: deps.config.brandNames, officialDomains: deps.config.officialDomains });
        for (const f of findings) {
          await trx
            .insertInto('community_scams')
            .values({ id: newId('cscm', deps.clock.nowMs()), source_id: source.id, message_id: id, kind: f.kind, evidence: redactText(f.evidence).text, reasons: JSON.stringify(f.reasons), score: f.score, author_hash: authorHash, status: 'open', posted_at: post.postedAt, created_at: now })
            .execute();
          report.scams++;
        }
      }
    });
  }
  return report;
}

/** The post's language (en, es or pt) when the text gives evidence, always with the detector's confidence. */
function languageOf(text: string): { language: string | null; language_confidence: number } {
  const d = detectLanguage(text);
  return { language: d.confidence >= 0.5 ? d.language : null, language_confidence: Math.round(d.confidence * 1000) / 1000 };
}
