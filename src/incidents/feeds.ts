import type { IncidentsDeps } from './deps.ts';
import type { Lang } from './incident.ts';
import { statusLabels } from './notify-texts.ts';
import { loadPublicIncidents } from './public-data.ts';

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in XML 1.0
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => xmlEscapes[c]!);
}

interface FeedItem {
  id: string;
  incidentId: string;
  title: string;
  body: string;
  at: string;
  link: string;
}

async function feedItems(deps: Pick<IncidentsDeps, 'store' | 'publicUrl'>, lang: Lang, limit: number): Promise<FeedItem[]> {
  const [incidents, maintenances] = await Promise.all([loadPublicIncidents(deps, { kind: 'incident', limit: 50 }), loadPublicIncidents(deps, { kind: 'maintenance', limit: 50 })]);
  const items: FeedItem[] = [];
  for (const p of [...incidents, ...maintenances]) {
    for (const u of p.updates) {
      items.push({ id: u.id, incidentId: p.incident.id, title: `${p.incident.title} — ${statusLabels[u.status][lang]}`, body: u.bodies[lang] ?? u.bodies.en, at: u.displayAt, link: `${deps.publicUrl}/status/incidents/${p.incident.id}` });
    }
  }
  return items.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).slice(0, limit);
}

/** RSS 2.0 feed of the page's incident and maintenance updates, newest first. */
export async function historyRss(deps: Pick<IncidentsDeps, 'store' | 'publicUrl' | 'statusPage' | 'clock'>, lang: Lang, limit = 50): Promise<string> {
  const items = await feedItems(deps, lang, limit);
  const page = `${deps.publicUrl}/status`;
  const built = items[0]?.at ?? deps.clock.now().toISOString();
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(deps.statusPage.name)}</title>`,
    `<link>${escapeXml(page)}</link>`,
    `<description>${escapeXml(`${deps.statusPage.name} — status updates`)}</description>`,
    `<language>${lang}</language>`,
    `<lastBuildDate>${new Date(built).toUTCString()}</lastBuildDate>`,
    `<atom:link href="${escapeXml(`${deps.publicUrl}/history.rss`)}" rel="self" type="application/rss+xml"/>`,
    ...items.map((i) =>
      [
        '<item>',
        `<title>${escapeXml(i.title)}</title>`,
        `<link>${escapeXml(i.link)}</link>`,
        `<guid isPermaLink="false">${escapeXml(i.id)}</guid>`,
        `<pubDate>${new Date(i.at).toUTCString()}</pubDate>`,
        `<description>${escapeXml(i.body)}</description>`,
        '</item>',
      ].join(''),
    ),
    '</channel>',
    '</rss>',
  ];
  return out.join('\n');
}

/** Atom feed of the page's incident and maintenance updates, newest first. */
export async function historyAtom(deps: Pick<IncidentsDeps, 'store' | 'publicUrl' | 'statusPage' | 'clock'>, lang: Lang, limit = 50): Promise<string> {
  const items = await feedItems(deps, lang, limit);
  const updated = items[0]?.at ?? deps.clock.now().toISOString();
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `<id>${escapeXml(`${deps.publicUrl}/status`)}</id>`,
    `<title>${escapeXml(deps.statusPage.name)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${deps.publicUrl}/status`)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${deps.publicUrl}/history.atom`)}"/>`,
    `<author><name>${escapeXml(deps.statusPage.name)}</name></author>`,
    ...items.map((i) =>
      [
        '<entry>',
        `<id>${escapeXml(`${deps.publicUrl}/status/incidents/${i.incidentId}#${i.id}`)}</id>`,
        `<title>${escapeXml(i.title)}</title>`,
        `<updated>${i.at}</updated>`,
        `<published>${i.at}</published>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(i.link)}"/>`,
        `<content type="text">${escapeXml(i.body)}</content>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
  ];
  return out.join('\n');
}
