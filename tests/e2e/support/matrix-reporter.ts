// Prints the fault matrix's table at the end of the run (after the list reporter's summary),
// from the results each case attaches: the spec's workers restart after a failure, the
// runner does not, so the table is complete whatever failed.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { CASE_ATTACHMENT, table, type CaseResult } from './fault_matrix';

export default class MatrixReporter implements Reporter {
  private results: CaseResult[] = [];

  printsToStdio() {
    return false;
  }

  onTestEnd(_test: TestCase, result: TestResult) {
    for (const a of result.attachments) {
      if (a.name === CASE_ATTACHMENT && a.body) this.results.push(JSON.parse(a.body.toString('utf8')));
    }
  }

  onEnd() {
    if (this.results.length > 0) console.log(`\n${table(this.results)}\n`);
  }
}
