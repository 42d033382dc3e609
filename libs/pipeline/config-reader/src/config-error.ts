/** One problem found in a config file; `path` is the dotted key path (`models.iris.image`). */
export interface ConfigIssue {
  file: string;
  path: string;
  message: string;
  /** 1-based line in the YAML file when known (not for env overrides). */
  line?: number;
  /** The env var that supplied the value, when the problem came from an override. */
  envVar?: string;
}

/**
 * Thrown for any bad configuration. CLIs map it to exit code 2 before starting anything, so a typo
 * never launches a half-configured job.
 */
export class PipelineConfigError extends Error {
  override name = 'PipelineConfigError';
  readonly exitCode = 2;
  readonly issues: ConfigIssue[];

  constructor(summary: string, issues: ConfigIssue[] = []) {
    // One problem reads as one line (file, key, value, fix); several as one line each under the summary.
    super(
      issues.length === 0
        ? summary
        : issues.length === 1
          ? `${summary}: ${formatIssue(issues[0])}`
          : `${summary}\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`,
    );
    this.issues = issues;
  }
}

function formatIssue(issue: ConfigIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
  const key = issue.path === '' ? '(root)' : issue.path;
  const origin = issue.envVar !== undefined ? ` (from env ${issue.envVar})` : '';
  return `${where}: ${key}${origin}: ${issue.message}`;
}
