/** The README shows the dev environment's policies (prod differs only in names and retention). */
export const README_CONTEXT = { env: 'dev', imageTag: 'abc123def456' };
