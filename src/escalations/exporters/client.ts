import type { z } from 'zod';
import { redactUrl, type Config } from '../../core/index.ts';
import { TrackerNotConfiguredError, TrackerRequestError } from '../errors.ts';
import type { Tracker } from '../report.ts';
import type { TrackerPayload } from './payloads.ts';
import { linearIssueQuery } from './payloads.ts';
import { GithubIssue, JiraCreated, JiraIssueStatus, LinearCreated, LinearIssueState } from './schemas.ts';

/** An issue as a tracker reports it. */
export interface IssueState {
  externalId: string;
  key: string;
  url: string;
  state: string;
  closed: boolean;
}

type Settings = Config['escalations'];

const trim = (u: string) => u.replace(/\/+$/, '');

/** Which settings a tracker still lacks to be called (empty: ready). */
export function missingSettings(tracker: Tracker, c: Settings): string[] {
  const need: Record<Tracker, Array<[string, unknown]>> = {
    github: [['githubRepo', c.githubRepo], ['githubToken', c.githubToken]],
    jira: [['jiraBaseUrl', c.jiraBaseUrl], ['jiraProjectKey', c.jiraProjectKey], ['jiraEmail', c.jiraEmail], ['jiraToken', c.jiraToken]],
    linear: [['linearTeamId', c.linearTeamId], ['linearToken', c.linearToken]],
  };
  return need[tracker].filter(([, v]) => !v).map(([k]) => k);
}

function request(tracker: Tracker, c: Settings): { base: string; headers: Record<string, string> } {
  const missing = missingSettings(tracker, c);
  if (missing.length) throw new TrackerNotConfiguredError(tracker, missing);
  if (tracker === 'github') return { base: trim(c.githubBaseUrl), headers: { authorization: `Bearer ${c.githubToken}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } };
  if (tracker === 'jira') return { base: trim(c.jiraBaseUrl!), headers: { authorization: `Basic ${Buffer.from(`${c.jiraEmail}:${c.jiraToken}`).toString('base64')}`, accept: 'application/json' } };
  return { base: trim(c.linearBaseUrl), headers: { authorization: c.linearToken!, accept: 'application/json' } };
}

async function call<S extends z.ZodType>(tracker: Tracker, c: Settings, fetcher: typeof fetch, method: 'GET' | 'POST', url: string, headers: Record<string, string>, body: unknown, schema: S): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetcher(url, { method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), 'user-agent': 'opsdesk-escalations' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(c.timeoutMs) });
  } catch (err) {
    throw new TrackerRequestError(tracker, null, `${method} ${redactUrl(url)} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const text = await res.text();
  if (!res.ok) throw new TrackerRequestError(tracker, res.status, `${method} ${redactUrl(url)} answered ${res.status}: ${text.slice(0, 300)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TrackerRequestError(tracker, res.status, `${method} ${redactUrl(url)} did not answer JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new TrackerRequestError(tracker, res.status, `${method} ${redactUrl(url)} answered an unexpected shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const closedLinear = (type: string) => type === 'completed' || type === 'canceled';

/** Creates the issue through the tracker's API and returns its key, link and state. */
export async function createIssue(payload: TrackerPayload, c: Settings, fetcher: typeof fetch = fetch): Promise<IssueState> {
  const { base, headers } = request(payload.tracker, c);
  switch (payload.tracker) {
    case 'github': {
      const r = await call('github', c, fetcher, 'POST', `${base}/repos/${c.githubRepo}/issues`, headers, payload.body, GithubIssue);
      return { externalId: String(r.number), key: `${c.githubRepo}#${r.number}`, url: r.html_url, state: r.state, closed: r.state === 'closed' };
    }
    case 'jira': {
      const r = await call('jira', c, fetcher, 'POST', `${base}/rest/api/3/issue`, headers, payload.body, JiraCreated);
      return { externalId: r.key, key: r.key, url: `${base}/browse/${r.key}`, state: 'created', closed: false };
    }
    case 'linear': {
      const r = await call('linear', c, fetcher, 'POST', `${base}/graphql`, headers, payload.body, LinearCreated);
      if (!r.data.issueCreate.success) throw new TrackerRequestError('linear', 200, 'issueCreate answered success: false.');
      const i = r.data.issueCreate.issue;
      return { externalId: i.id, key: i.identifier, url: i.url, state: i.state.name, closed: closedLinear(i.state.type) };
    }
  }
}

/** Reads an issue's current state: GitHub open/closed, Jira status (done category = closed), Linear workflow state. */
export async function readIssueState(tracker: Tracker, externalId: string, c: Settings, fetcher: typeof fetch = fetch): Promise<Pick<IssueState, 'state' | 'closed'>> {
  const { base, headers } = request(tracker, c);
  switch (tracker) {
    case 'github': {
      const r = await call('github', c, fetcher, 'GET', `${base}/repos/${c.githubRepo}/issues/${encodeURIComponent(externalId)}`, headers, undefined, GithubIssue);
      return { state: r.state_reason ? `${r.state} (${r.state_reason})` : r.state, closed: r.state === 'closed' };
    }
    case 'jira': {
      const r = await call('jira', c, fetcher, 'GET', `${base}/rest/api/3/issue/${encodeURIComponent(externalId)}?fields=status`, headers, undefined, JiraIssueStatus);
      return { state: r.fields.status.name, closed: r.fields.status.statusCategory.key === 'done' };
    }
    case 'linear': {
      const r = await call('linear', c, fetcher, 'POST', `${base}/graphql`, headers, { query: linearIssueQuery, variables: { id: externalId } }, LinearIssueState);
      return { state: r.data.issue.state.name, closed: closedLinear(r.data.issue.state.type) };
    }
  }
}
