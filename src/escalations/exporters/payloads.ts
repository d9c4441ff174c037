import { scrubDeep } from '../internal.ts';
import { reportBlocks } from '../blocks.ts';
import { renderMarkdown } from '../render-markdown.ts';
import type { Escalation, Tracker } from '../report.ts';
import type { Config } from '../../core/index.ts';
import { blocksToAdf } from './adf.ts';
import { GithubIssueCreate, JiraIssueCreate, LinearIssueCreate } from './schemas.ts';

export const linearCreateMutation = 'mutation IssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifier url state { name type } } } }';
export const linearIssueQuery = 'query Issue($id: String!) { issue(id: $id) { id identifier url state { name type } } }';

const linearPriority = { P0: 1, P1: 2, P2: 3, P3: 4 } as const;

function labelsOf(e: Pick<Escalation, 'report'>): string[] {
  const r = e.report;
  return ['escalation', `priority-${r.impact.priority.toLowerCase()}`, ...r.environment.chains.slice(0, 3).map((c) => `chain-${c.value}`)].map((l) => l.replace(/\s+/g, '-'));
}

export type TrackerPayload = { tracker: 'github'; body: GithubIssueCreate } | { tracker: 'jira'; body: JiraIssueCreate } | { tracker: 'linear'; body: LinearIssueCreate };

/** The request body that creates the escalation as an issue in a tracker, validated against the tracker's documented shape and redacted. */
export function issuePayload(e: Pick<Escalation, 'id' | 'report' | 'issues'>, tracker: Tracker, config: Config['escalations']): TrackerPayload {
  const title = e.report.title.replace(/\s+/g, ' ').slice(0, 250);
  switch (tracker) {
    case 'github':
      return { tracker, body: GithubIssueCreate.parse(scrubDeep({ title, body: renderMarkdown(e, { withTitle: false }), labels: labelsOf(e) })) };
    case 'jira':
      return {
        tracker,
        body: JiraIssueCreate.parse(
          scrubDeep({
            fields: {
              project: { key: config.jiraProjectKey ?? 'PROJECT' },
              issuetype: { name: config.jiraIssueType },
              summary: title,
              description: blocksToAdf(reportBlocks(e.report, { escalation: e })),
              labels: labelsOf(e),
            },
          }),
        ),
      };
    case 'linear':
      return { tracker, body: LinearIssueCreate.parse(scrubDeep({ query: linearCreateMutation, variables: { input: { teamId: config.linearTeamId ?? 'TEAM_ID', title, description: renderMarkdown(e, { withTitle: false }), priority: linearPriority[e.report.impact.priority] } } })) };
  }
}
