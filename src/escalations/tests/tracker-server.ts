import { createServer, type IncomingMessage, type Server } from 'node:http';
import { GithubIssueCreate, JiraIssueCreate, LinearIssueCreate } from '../index.ts';

/** A local server standing in for the GitHub, Jira and Linear APIs; it validates what it receives against the documented shapes. */
export interface Tracker {
  url: string;
  bodies: string[];
  closed: boolean;
  server: Server;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTracker(): Promise<Tracker> {
  const t: Tracker = { url: '', bodies: [], closed: false, server: createServer() };
  t.server.on('request', async (req, res) => {
    const body = await readBody(req);
    if (body) t.bodies.push(body);
    const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    const path = req.url ?? '';
    if (path === '/repos/acme/wallet/issues' && req.method === 'POST') {
      if (req.headers.authorization !== 'Bearer gh-token') return send(401, { message: 'Bad credentials' });
      const ok = GithubIssueCreate.safeParse(JSON.parse(body));
      return ok.success ? send(201, { id: 9001, number: 42, html_url: `${t.url}/acme/wallet/issues/42`, state: 'open', state_reason: null }) : send(422, { message: 'Validation Failed', errors: ok.error.issues });
    }
    if (path === '/repos/acme/wallet/issues/42') return send(200, { id: 9001, number: 42, html_url: `${t.url}/acme/wallet/issues/42`, state: t.closed ? 'closed' : 'open', state_reason: t.closed ? 'completed' : null });
    if (path === '/rest/api/3/issue' && req.method === 'POST') {
      if (req.headers.authorization !== `Basic ${Buffer.from('ops@example.com:jira-token').toString('base64')}`) return send(401, {});
      const ok = JiraIssueCreate.safeParse(JSON.parse(body));
      return ok.success ? send(201, { id: '10001', key: 'WAL-7', self: `${t.url}/rest/api/3/issue/10001` }) : send(400, { errorMessages: ok.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    }
    if (path === '/rest/api/3/issue/WAL-7?fields=status') return send(200, { key: 'WAL-7', fields: { status: { name: t.closed ? 'Done' : 'In Progress', statusCategory: { key: t.closed ? 'done' : 'indeterminate' } } } });
    if (path === '/graphql' && req.method === 'POST') {
      if (req.headers.authorization !== 'lin_api_key') return send(401, { errors: [{ message: 'Authentication required' }] });
      const q = JSON.parse(body) as { query: string };
      const issue = { id: 'lin-uuid-1', identifier: 'WAL-12', url: `${t.url}/acme/issue/WAL-12`, state: t.closed ? { name: 'Done', type: 'completed' } : { name: 'Triage', type: 'triage' } };
      if (q.query.includes('issueCreate')) {
        const ok = LinearIssueCreate.safeParse(q);
        return ok.success ? send(200, { data: { issueCreate: { success: true, issue } } }) : send(400, { errors: ok.error.issues });
      }
      return send(200, { data: { issue } });
    }
    send(404, { message: 'Not Found' });
  });
  await new Promise<void>((r) => t.server.listen(0, '127.0.0.1', r));
  const addr = t.server.address();
  t.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return t;
}

