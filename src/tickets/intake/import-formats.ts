import { parse as parseCsv } from 'csv-parse/sync';
import { ImportFormatError, TicketInputInvalidError } from '../errors.ts';
import type { IntakeMessage, IntakeMessagePart } from './message.ts';
import { parseJsonText } from './validate.ts';

/** One row of an import: a normalised ticket, or the reason it was rejected (with its line or index). */
export type ImportItem = { ok: true; where: string; message: IntakeMessage } | { ok: false; where: string; error: string };
type Rejected = { ok: false; where: string; error: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined);

/** Reads a JSON export: one document, or JSON lines (one object per line, as incremental exports are). */
function readRecords(text: string, key: string): Array<{ where: string; value: unknown }> {
  const trimmed = text.trim();
  if (!trimmed) throw new ImportFormatError('the file is empty');
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/}\s*\n\s*{/.test(trimmed))) {
    const doc = parseJsonText(trimmed, 'the export');
    const list = Array.isArray(doc) ? doc : isObj(doc) && Array.isArray(doc[key]) ? (doc[key] as unknown[]) : isObj(doc) && isObj(doc[key.replace(/s$/, '')]) ? [doc[key.replace(/s$/, '')]] : undefined;
    if (!list) throw new ImportFormatError(`expected an array or an object with "${key}"`);
    return list.map((value, i) => ({ where: `${key}[${i}]`, value }));
  }
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [{ where: `line ${i + 1}`, value: parseJsonText(line, `line ${i + 1}`) }];
    } catch (err) {
      return [{ where: `line ${i + 1}`, value: err }];
    }
  });
}

function users(text: string): Map<string, { email?: string; name?: string }> {
  const map = new Map<string, { email?: string; name?: string }>();
  try {
    const doc = JSON.parse(text) as unknown;
    if (isObj(doc) && Array.isArray(doc.users)) {
      for (const u of doc.users) if (isObj(u) && u.id !== undefined) map.set(String(u.id), { ...(s(u.email) ? { email: s(u.email)! } : {}), ...(s(u.name) ? { name: s(u.name)! } : {}) });
    }
  } catch {
    // JSON lines exports carry no users list.
  }
  return map;
}

function collect(records: Array<{ where: string; value: unknown }>, convert: (v: Obj) => IntakeMessage): ImportItem[] {
  return records.map(({ where, value }) => {
    if (value instanceof Error) return { ok: false, where, error: (value as Error).message.split('\n')[0]! };
    if (!isObj(value)) return { ok: false, where, error: 'not a JSON object' };
    try {
      return { ok: true, where, message: convert(value) };
    } catch (err) {
      return { ok: false, where, error: (err as Error).message.split('\n')[0]! };
    }
  });
}

const zendeskStatus: Record<string, string> = { new: 'new', open: 'open', pending: 'pending', hold: 'pending', solved: 'solved', closed: 'closed' };

/**
 * Zendesk ticket exports: `{ tickets: [...], users?: [...] }` (REST API / side-loaded users), a bare
 * array, or JSON lines (incremental export). Comments (`comments[]`, with `plain_body`/`body`,
 * `author_id`, `public`, `attachments`) become the conversation; otherwise `description` does.
 */
export function parseZendeskExport(text: string): ImportItem[] {
  const people = users(text);
  return collect(readRecords(text, 'tickets'), (t) => {
    const id = s(t.id);
    if (!id) throw new TicketInputInvalidError('the ticket has no id');
    const requesterId = s(t.requester_id);
    const requester = requesterId ? people.get(requesterId) : undefined;
    const via = isObj(t.via) ? s(t.via.channel) : undefined;
    const comments = Array.isArray(t.comments) ? (t.comments as unknown[]).filter(isObj) : [];
    const messages: IntakeMessagePart[] = comments.length
      ? comments.map((c, i) => ({
          sourceMessageId: s(c.id) ?? `c${i}`,
          authorKind: s(c.author_id) && s(c.author_id) === requesterId ? 'requester' : i === 0 ? 'requester' : 'agent',
          ...(s(c.author_id) ? { author: people.get(s(c.author_id)!)?.email ?? s(c.author_id)! } : {}),
          body: s(c.plain_body) ?? s(c.body) ?? s(c.html_body) ?? '',
          ...(s(c.created_at) ? { createdAt: s(c.created_at)! } : {}),
          attachments: (Array.isArray(c.attachments) ? (c.attachments as unknown[]).filter(isObj) : []).map((a) => ({
            ...(s(a.file_name) ? { filename: s(a.file_name)! } : {}),
            ...(s(a.content_type) ? { contentType: s(a.content_type)! } : {}),
            ...(typeof a.size === 'number' ? { size: a.size } : {}),
          })),
        }))
      : [{ sourceMessageId: 'description', authorKind: 'requester', body: s(t.description) ?? '', attachments: [] }];
    return {
      source: 'zendesk',
      sourceId: id,
      channel: via === 'email' ? 'email' : via === 'chat' || via === 'native_messaging' ? 'chat' : via === 'api' ? 'api' : via === 'web' ? 'web' : 'import',
      requester: requester?.email ?? requesterId,
      requesterName: requester?.name,
      subject: s(t.subject) ?? s(t.raw_subject),
      status: zendeskStatus[s(t.status) ?? ''] ?? 'new',
      createdAt: s(t.created_at),
      messages,
    };
  });
}

const freshdeskStatus: Record<string, string> = { '2': 'open', '3': 'pending', '4': 'solved', '5': 'closed' };
const freshdeskSource: Record<string, string> = { '1': 'email', '2': 'web', '3': 'other', '7': 'chat', '9': 'web', '10': 'other' };

/**
 * Freshdesk exports: an array of tickets as `GET /api/v2/tickets` returns them (or `{ tickets: [...] }`,
 * or JSON lines), with `description_text`, `requester {email,name}` or `email`, numeric `status` and
 * `source`, and optional `conversations[]` (`body_text`, `incoming`, `private`).
 */
export function parseFreshdeskExport(text: string): ImportItem[] {
  return collect(readRecords(text, 'tickets'), (t) => {
    const id = s(t.id);
    if (!id) throw new TicketInputInvalidError('the ticket has no id');
    const requester = isObj(t.requester) ? t.requester : undefined;
    const email = s(requester?.email) ?? s(t.email);
    const first: IntakeMessagePart = { sourceMessageId: 'description', authorKind: 'requester', ...(email ? { author: email } : {}), body: s(t.description_text) ?? stripHtml(s(t.description) ?? ''), ...(s(t.created_at) ? { createdAt: s(t.created_at)! } : {}), attachments: [] };
    const conversations = (Array.isArray(t.conversations) ? (t.conversations as unknown[]).filter(isObj) : []).map(
      (c, i): IntakeMessagePart => ({
        sourceMessageId: s(c.id) ?? `c${i}`,
        authorKind: c.incoming === true ? 'requester' : 'agent',
        ...(s(c.from_email) ? { author: s(c.from_email)! } : {}),
        body: s(c.body_text) ?? stripHtml(s(c.body) ?? ''),
        ...(s(c.created_at) ? { createdAt: s(c.created_at)! } : {}),
        attachments: [],
      }),
    );
    return {
      source: 'freshdesk',
      sourceId: id,
      channel: freshdeskSource[s(t.source) ?? ''] ?? 'import',
      requester: email,
      requesterName: s(requester?.name) ?? s(t.name),
      subject: s(t.subject),
      status: freshdeskStatus[s(t.status) ?? ''] ?? 'new',
      createdAt: s(t.created_at),
      messages: [first, ...conversations.filter((c) => c.body.trim())],
    };
  });
}

function stripHtml(html: string): string {
  return html.replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').trim();
}

/** Ticket fields a CSV column can map to. */
export const csvFields = ['id', 'subject', 'body', 'requester', 'requester_name', 'created_at', 'channel', 'status', 'tier', 'platform', 'app_version', 'locale'] as const;
type CsvField = (typeof csvFields)[number];
const synonyms: Record<string, CsvField> = {
  id: 'id', ticket_id: 'id', external_id: 'id', subject: 'subject', title: 'subject', body: 'body', description: 'body', message: 'body', text: 'body', content: 'body',
  requester: 'requester', email: 'requester', requester_email: 'requester', from: 'requester', user: 'requester', requester_name: 'requester_name', name: 'requester_name',
  created_at: 'created_at', created: 'created_at', date: 'created_at', timestamp: 'created_at', channel: 'channel', status: 'status', tier: 'tier',
  platform: 'platform', app_version: 'app_version', appversion: 'app_version', locale: 'locale', language: 'locale',
};

/** Parses `--map col=field,col2=field2` into a column -> field map. */
export function parseCsvMap(spec: string | undefined): Record<string, CsvField> {
  const out: Record<string, CsvField> = {};
  if (!spec) return out;
  for (const pair of spec.split(',')) {
    const [col, field] = pair.split('=').map((x) => x?.trim());
    if (!col || !field) throw new ImportFormatError(`--map entry "${pair}" is not column=field`);
    if (!(csvFields as readonly string[]).includes(field)) throw new ImportFormatError(`--map field "${field}" is unknown`, [`Fields: ${csvFields.join(', ')}`]);
    out[col] = field as CsvField;
  }
  return out;
}

/**
 * CSV with a header row. Columns map to ticket fields by `map` (column=field), else by name
 * (`description`, `email`, `title`… are understood). A row that cannot be read (bad quoting, wrong
 * number of columns, no body) is rejected with its line number; the other rows go on.
 */
export function parseCsvExport(text: string, map: Record<string, CsvField> = {}): ImportItem[] {
  if (!text.trim()) throw new ImportFormatError('the file is empty');
  const skipped: Rejected[] = [];
  let rows: Array<{ record: string[]; line: number }>;
  try {
    const parsed = parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) skipped.push({ ok: false, where: `line ${err.lines}`, error: err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'wrong number of columns' : err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed' : 'the row cannot be parsed' });
        return undefined;
      },
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    rows = parsed.map((p) => ({ record: p.record, line: p.info.lines }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ImportFormatError(`the CSV cannot be parsed${code ? ` (${code})` : ''}`);
  }
  const header = rows.shift();
  if (!header) throw new ImportFormatError('the CSV has no header row');
  const fieldOf = header.record.map((col) => map[col] ?? synonyms[col.trim().toLowerCase().replace(/[\s-]+/g, '_')]);
  if (!fieldOf.includes('body')) throw new ImportFormatError('no column maps to the ticket body', [`Columns: ${header.record.join(', ')}`, 'Pass --map COLUMN=body (and id=, subject=, requester=, created_at=…).']);
  const items: ImportItem[] = rows.map(({ record, line }) => {
    const v: Partial<Record<CsvField, string>> = {};
    record.forEach((cell, i) => {
      const f = fieldOf[i];
      if (f && cell.trim()) v[f] = cell;
    });
    if (!v.body?.trim()) return { ok: false, where: `line ${line}`, error: 'the body is empty' };
    const tier = v.tier === 'vip' ? 'vip' : v.tier ? 'standard' : undefined;
    return {
      ok: true,
      where: `line ${line}`,
      message: {
        source: 'csv',
        sourceId: v.id,
        channel: v.channel ?? 'import',
        requester: v.requester,
        requesterName: v.requester_name,
        tier,
        subject: v.subject,
        status: v.status?.toLowerCase(),
        createdAt: v.created_at,
        platform: v.platform,
        appVersion: v.app_version,
        locale: v.locale,
        messages: [{ sourceMessageId: 'body', authorKind: 'requester', ...(v.requester ? { author: v.requester } : {}), body: v.body, attachments: [] }],
      },
    };
  });
  // A quote left open swallows the rows after it: report the line where that record started.
  const goodLines = rows.map((r) => r.line).concat(header.line);
  for (const item of skipped) {
    if (item.ok || !item.error.startsWith('a quoted field')) continue;
    const end = lineOf(item.where);
    const start = Math.max(...goodLines.filter((l) => l < end)) + 1;
    item.where = `line ${start}`;
    item.error = `a quoted field is not closed (the rest of the file, to line ${end}, is part of this row)`;
  }
  return [...items, ...skipped].sort((a, b) => lineOf(a.where) - lineOf(b.where));
}

function lineOf(where: string): number {
  return Number(/\d+/.exec(where)?.[0] ?? 0);
}
