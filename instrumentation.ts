import type { Instrumentation } from "next";

// Runs once when the server starts: the scheduler that publishes scheduled stories.
export async function register() {
  // NEXT_RUNTIME is set by Next itself: the scheduler needs Node, not the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./lib/newsroom/scheduler");
  startScheduler();
}

// A render that failed because the database did not answer: server.mjs answers 503 with
// Retry-After for it (lib/outage.mjs), and the log gets one line instead of a stack.
export const onRequestError: Instrumentation.onRequestError = async (err) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { markDatabaseDown }] = await Promise.all([import("./lib/db/unavailable"), import("./lib/outage.mjs")]);
  if (isDatabaseUnavailable(err)) markDatabaseDown();
};
