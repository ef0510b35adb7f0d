// Runs once when the server starts: the scheduler that publishes scheduled stories.
export async function register() {
  // NEXT_RUNTIME is set by Next itself: the scheduler needs Node, not the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./lib/newsroom/scheduler");
  startScheduler();
}
