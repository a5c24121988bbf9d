// Prints, at the very end of the run (after the list reporter's summary), the fault matrix's
// table from the results each case attaches (the spec's workers restart after a failure, the
// runner does not, so the table is complete whatever failed), then a short account of each
// failed test: CI keeps only the tail of the output, and that tail must say what failed.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { CASE_ATTACHMENT, table, type CaseResult } from './fault_matrix';

/** Lines of a failure's message kept in the closing account (the rest is in the list above). */
const FAILURE_LINES = 8;

export default class MatrixReporter implements Reporter {
  private results: CaseResult[] = [];
  private failures: string[] = [];

  printsToStdio() {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult) {
    for (const a of result.attachments) {
      if (a.name === CASE_ATTACHMENT && a.body) this.results.push(JSON.parse(a.body.toString('utf8')));
    }
    if (result.status !== test.expectedStatus) this.failures.push(account(test, result));
  }

  onEnd() {
    if (this.results.length > 0) console.log(`\n${table(this.results)}\n`);
    if (this.failures.length > 0) console.log(`Failed tests:\n${this.failures.join('\n')}\n`);
  }
}

/** `file:line › title (status)` and the first lines of its error, without colour codes. */
function account(test: TestCase, result: TestResult): string {
  const where = `${test.location.file.replace(/.*\/tests\//, 'tests/')}:${test.location.line}`;
  const message = (result.error?.message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const lines = message.split('\n').filter((l) => l.trim() !== '').slice(0, FAILURE_LINES);
  const step = result.error?.location ? ` at line ${result.error.location.line}` : '';
  return [`- ${where} › ${test.title} (${result.status}${step})`, ...lines.map((l) => `    ${l}`)].join('\n');
}
