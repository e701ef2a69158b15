import { ConfigError, loadConfig } from '../platform/config.ts';
import { runAuditCommand } from './audit.command.ts';
import { type CliCommand, EXIT, UsageError } from './cli.ts';
import { runGenerateCommand } from './generate.command.ts';
import { runImportCommand } from './import.command.ts';
import { runMigrateCommand } from './migrate.command.ts';
import { runSeedCommand } from './seed.command.ts';
import { runUsersCommand } from './users.command.ts';

const commands: Record<string, CliCommand> = {
  migrate: runMigrateCommand,
  seed: runSeedCommand,
  audit: runAuditCommand,
  users: runUsersCommand,
  import: runImportCommand,
  generate: runGenerateCommand,
};

const USAGE = `Usage: karna <command> [options]

Commands:
  migrate          Apply pending database migrations (--down reverts the latest)
  seed             Seed the demo municipality (--reset wipes the database first)
  audit verify     Verify the audit trail's hash chain and its signed checkpoints
  audit checkpoint Write a signed checkpoint of the audit trail now
  audit public-key Print the public key that verifies the checkpoints
  audit search     Find audit entries about a person (--personal-number, read from stdin if "-")
  users list       List staff users and their roles
  users add-role   Grant a staff role (--email, --role, --org-unit)
  import population Apply a population file (full load or changes) to the register
  generate population Write a synthetic population file for tests and demos (--persons N --out FILE)

Every command takes --help. The database is the one the server uses (DATABASE_URL or KARNA_DATA_DIR).
Exit codes: 0 success, 1 failure (e.g. a broken audit chain), 2 wrong usage, 3 invalid configuration.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, () => loadConfig());
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.config;
    }
    process.stderr.write(`karna ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}

process.exitCode = await main(process.argv.slice(2));
