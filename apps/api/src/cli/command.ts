// One CLI command = one file in commands/ exporting a `Command`. main.ts lists them; adding a
// command (e.g. `user create` once accounts exist) is adding a file and a line there.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress bars draw only when stderr is a terminal. */
  isTTY: boolean;
}

export interface Command {
  /** Words that select the command, e.g. ['seed'] or ['user', 'create']. */
  name: string[];
  summary: string;
  usage: string;
  options: Options;
  run(
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: CommandIO,
  ): Promise<number>;
}

/** Exit codes, stable for scripts. */
export const EXIT = {
  ok: 0,
  /** Something failed (database unreachable, unexpected error). */
  failed: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** The input was refused: an import with problems or conflicts, an unknown plan. */
  refused: 3,
} as const;

export class UsageError extends Error {}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
