import { z } from 'zod';

/** GitHub REST `POST /repos/{owner}/{repo}/issues` body (docs.github.com/rest/issues/issues#create-an-issue). */
export const GithubIssueCreate = z.strictObject({
  title: z.string().min(1).max(256),
  body: z.string().max(65536),
  labels: z.array(z.string().min(1)).optional(),
  assignees: z.array(z.string()).optional(),
});
export type GithubIssueCreate = z.infer<typeof GithubIssueCreate>;

/** The fields of GitHub's issue response the exporter reads. */
export const GithubIssue = z.object({ id: z.number(), number: z.number().int(), html_url: z.string().url(), state: z.enum(['open', 'closed']), state_reason: z.string().nullable().optional() });

const AdfText = z.object({ type: z.literal('text'), text: z.string().min(1), marks: z.array(z.object({ type: z.enum(['code', 'link', 'strong', 'em']), attrs: z.record(z.string(), z.unknown()).optional() })).optional() });
const AdfParagraph = z.object({ type: z.literal('paragraph'), content: z.array(AdfText) });
const AdfListItem = z.object({ type: z.literal('listItem'), content: z.array(AdfParagraph).min(1) });
const AdfCell = z.object({ type: z.enum(['tableHeader', 'tableCell']), content: z.array(AdfParagraph).min(1) });
const AdfBlock = z.discriminatedUnion('type', [
  AdfParagraph,
  z.object({ type: z.literal('heading'), attrs: z.object({ level: z.number().int().min(1).max(6) }), content: z.array(AdfText) }),
  z.object({ type: z.literal('bulletList'), content: z.array(AdfListItem).min(1) }),
  z.object({ type: z.literal('orderedList'), content: z.array(AdfListItem).min(1) }),
  z.object({ type: z.literal('codeBlock'), attrs: z.object({ language: z.string() }).optional(), content: z.array(z.object({ type: z.literal('text'), text: z.string() })) }),
  z.object({ type: z.literal('table'), content: z.array(z.object({ type: z.literal('tableRow'), content: z.array(AdfCell).min(1) })).min(1) }),
]);

/** Jira Cloud REST v3 `POST /rest/api/3/issue` body with an ADF description (developer.atlassian.com, "Create issue"). */
export const JiraIssueCreate = z.strictObject({
  fields: z.strictObject({
    project: z.strictObject({ key: z.string().min(1) }),
    issuetype: z.strictObject({ name: z.string().min(1) }),
    summary: z.string().min(1).max(255).refine((s) => !s.includes('\n'), 'summary must be one line'),
    description: z.strictObject({ version: z.literal(1), type: z.literal('doc'), content: z.array(AdfBlock) }),
    labels: z.array(z.string().regex(/^\S+$/, 'labels cannot contain spaces')).optional(),
    priority: z.strictObject({ name: z.string() }).optional(),
  }),
});
export type JiraIssueCreate = z.infer<typeof JiraIssueCreate>;

export const JiraCreated = z.object({ id: z.string(), key: z.string(), self: z.string().url() });
export const JiraIssueStatus = z.object({ key: z.string(), fields: z.object({ status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }) }) });

/** Linear GraphQL `issueCreate` request (developers.linear.app, IssueCreateInput). */
export const LinearIssueCreate = z.strictObject({
  query: z.string().regex(/mutation\s+\w*\s*\(\$input:\s*IssueCreateInput!\)\s*\{\s*issueCreate\(input:\s*\$input\)/),
  variables: z.strictObject({
    input: z.strictObject({
      teamId: z.string().min(1),
      title: z.string().min(1),
      description: z.string(),
      priority: z.number().int().min(0).max(4).optional(),
    }),
  }),
});
export type LinearIssueCreate = z.infer<typeof LinearIssueCreate>;

const LinearState = z.object({ name: z.string(), type: z.string() });
export const LinearCreated = z.object({ data: z.object({ issueCreate: z.object({ success: z.boolean(), issue: z.object({ id: z.string(), identifier: z.string(), url: z.string().url(), state: LinearState }) }) }) });
export const LinearIssueState = z.object({ data: z.object({ issue: z.object({ id: z.string(), identifier: z.string(), url: z.string().url(), state: LinearState }) }) });
