import type { Database, Selectable } from '../storage/index.ts';
import type { CommunityMessage, Source, SourceKind, SourceSettings } from './source.ts';

export const parseList = (text: string | null): string[] => {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function toSource(r: Selectable<Database['community_sources']>): Source {
  return {
    id: r.id,
    kind: r.kind as SourceKind,
    name: r.name,
    url: r.url,
    settings: JSON.parse(r.settings) as SourceSettings,
    enabled: Number(r.enabled) === 1,
    pollIntervalSec: Number(r.poll_interval_sec),
    cursor: r.cursor,
    etag: r.etag,
    lastModified: r.last_modified,
    nextPollAt: r.next_poll_at,
    failures: Number(r.failures),
    lastError: r.last_error,
    lastPolledAt: r.last_polled_at,
    createdAt: r.created_at,
  };
}

export function toMessage(r: Selectable<Database['community_messages']>): CommunityMessage {
  return {
    id: r.id,
    sourceId: r.source_id,
    externalId: r.external_id,
    channel: r.channel,
    authorHash: r.author_hash,
    text: r.text,
    url: r.url,
    language: r.language,
    category: r.category,
    chains: parseList(r.chains),
    tokens: parseList(r.tokens),
    features: parseList(r.features),
    symptoms: parseList(r.symptoms),
    appVersion: r.app_version,
    topics: parseList(r.topics),
    sentiment: Number(r.sentiment),
    postedAt: r.posted_at,
  };
}
