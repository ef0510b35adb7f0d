import { describe, expect, it } from "vitest";
import { countPlaywright, countVitest } from "./test-summary";

describe("npm test's summary", () => {
  it("counts a suite whose beforeAll failed, even when vitest exited 0", () => {
    // The shape vitest's JSON had when tests/integration/scale.test.ts timed out in beforeAll.
    const report = {
      success: false,
      numPassedTests: 366,
      numFailedTests: 0,
      numFailedTestSuites: 1,
      testResults: [
        { status: "passed", assertionResults: [{ status: "passed" }] },
        { status: "failed", assertionResults: [{ status: "skipped" }, { status: "skipped" }] },
      ],
    };
    expect(countVitest(report, true)).toEqual({ ok: false, passed: 366, failed: 1 });
  });

  it("counts failed tests once, not again for their suite", () => {
    const report = { success: false, numPassedTests: 3, numFailedTests: 2, testResults: [{ status: "failed", assertionResults: [{ status: "failed" }, { status: "failed" }, { status: "passed" }] }] };
    expect(countVitest(report, false)).toEqual({ ok: false, passed: 3, failed: 2 });
  });

  it("is red when the process failed though the report shows nothing", () => {
    expect(countVitest({ success: true, numPassedTests: 5, numFailedTests: 0, testResults: [] }, false)).toEqual({ ok: false, passed: 5, failed: 1 });
  });

  it("is green only when everything passed", () => {
    expect(countVitest({ success: true, numPassedTests: 5, numFailedTests: 0, testResults: [{ status: "passed" }] }, true)).toEqual({ ok: true, passed: 5, failed: 0 });
  });

  it("counts Playwright's global errors and flaky tests", () => {
    expect(countPlaywright({ stats: { expected: 10, unexpected: 0, flaky: 1 }, errors: [{ message: "globalSetup failed" }] }, true)).toEqual({ ok: false, passed: 10, failed: 2 });
    expect(countPlaywright({ stats: { expected: 10, unexpected: 0, flaky: 0 }, errors: [] }, true)).toEqual({ ok: true, passed: 10, failed: 0 });
  });
});
