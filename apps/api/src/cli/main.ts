// `pnpm ntm <command>`: the operator's command line. Each command is one file in commands/;
// exit codes are in command.ts (0 ok, 1 failed, 2 usage, 3 refused).
import { type Command, EXIT, parseCommandArgs, UsageError } from './command.ts';
import { exportCommand } from './commands/export.ts';
import { genCommand } from './commands/gen.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { seedCommand } from './commands/seed.ts';
import { tokenCreateCommand } from './commands/token-create.ts';
import { tokenRevokeCommand } from './commands/token-revoke.ts';
import { userCreateCommand } from './commands/user-create.ts';
import { userListCommand } from './commands/user-list.ts';

const COMMANDS: Command[] = [
  migrateCommand,
  seedCommand,
  importCommand,
  exportCommand,
  genCommand,
  userCreateCommand,
  userListCommand,
  tokenCreateCommand,
  tokenRevokeCommand,
];

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.join(' ').length));
  return [
    'Usage: pnpm ntm <command> [options]   (pnpm ntm <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Database: DATABASE_URL when set, else the embedded one in NTM_DATA_DIR (as `pnpm start`).',
  ].join('\n');
}

function help(command: Command): string {
  return `${command.summary}\n\nUsage: ${command.usage}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name.every((word, i) => argv[i] === word));
  if (!command) {
    io.err(`Unknown command: ${argv.join(' ')}\n\n${overview()}`);
    return EXIT.usage;
  }
  try {
    const args = parseCommandArgs(command, argv.slice(command.name.length));
    if (args.values['help']) {
      io.out(help(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${help(command)}`);
      return EXIT.usage;
    }
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT.failed;
  }
}

process.exitCode = await main(process.argv.slice(2));
