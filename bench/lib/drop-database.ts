/**
 * Drops one database: `node bench/lib/drop-database.ts <server URL> <name>`. Run by
 * lib/population-db.ts when a benchmark exits before it dropped what it created (an exit handler
 * cannot wait for a query).
 */
import pg from 'pg';

const [serverUrl, name] = process.argv.slice(2);
if (!serverUrl || !name || !/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
  process.stderr.write('usage: node bench/lib/drop-database.ts <server URL> <name>\n');
  process.exit(2);
}
const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  await client.query(`drop database if exists ${name} with (force)`);
} finally {
  await client.end();
}
