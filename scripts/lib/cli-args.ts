import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";

/** A command line's options read and checked by `schema`; the first problem ends the process with its message. */
export function cliArgs<S extends z.ZodType>(options: NonNullable<ParseArgsConfig["options"]>, schema: S): z.infer<S> {
  const { values } = parseArgs({ options });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues[0]!.message);
    process.exit(1);
  }
  return parsed.data;
}
