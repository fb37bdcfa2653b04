// Prints "N passed, N failed" as the last line so CI can read the count.
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0,
        failed = 0,
        skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && (!s.testResults || s.errors?.length)) failed += s.errors?.length ? 1 : 0;
      }
      const out = process.env.RP_SUMMARY_FILE;
      const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
      if (out) import('node:fs').then((fs) => fs.writeFileSync(out, JSON.stringify({ passed, failed, skipped })));
      setTimeout(() => console.log(`browser: ${line}`), 0);
    },
  };
}
