import { captureQueries } from "./capture-queries";

/** How many SQL reads a data function sends, without changing the function. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const { result, queries } = await captureQueries(fn);
  return { result, queries: queries.length };
}
