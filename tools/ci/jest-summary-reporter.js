// Records each Jest run's counts under tmp/test-summary/, so .ci/run can print one closing
// "N passed, N failed" line across every project and target (Nx runs one Jest per project).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '..', '..');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = join(workspaceRoot, 'tmp', 'test-summary');
    mkdirSync(dir, { recursive: true });
    const name = relative(workspaceRoot, this.rootDir).replace(/[\\/]/g, '_') || 'root';
    writeFileSync(
      join(dir, `${name}-${process.pid}-${Date.now()}.json`),
      JSON.stringify({
        project: relative(workspaceRoot, this.rootDir),
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        total: results.numTotalTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
