// How `npm test` (scripts/test-all.ts) counts a step from its JSON report. A suite can fail
// without a failed test (a beforeAll that times out skips its tests), and a Playwright run can
// fail in its global set-up: both count as failures, and a step that failed in any way is red.

export type StepCount = { ok: boolean; passed: number; failed: number };

type VitestJson = {
  success?: boolean;
  numPassedTests: number;
  numFailedTests: number;
  testResults?: { status: string; assertionResults?: { status: string }[] }[];
};

export function countVitest(report: VitestJson, exitedOk: boolean): StepCount {
  // Suites that failed without a failed test of their own: a hook, an import, a time-out.
  const failedSuites = (report.testResults ?? []).filter((s) => s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed")).length;
  let failed = report.numFailedTests + failedSuites;
  const ok = exitedOk && report.success !== false && failed === 0;
  if (!ok && failed === 0) failed = 1; // red for a reason the report does not count
  return { ok, passed: report.numPassedTests, failed };
}

type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] };

export function countPlaywright(report: PlaywrightJson, exitedOk: boolean): StepCount {
  let failed = report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
  const ok = exitedOk && failed === 0;
  if (!ok && failed === 0) failed = 1;
  return { ok, passed: report.stats.expected, failed };
}
