/** Prepares the migrated database templates once per test run (filled in with the database layer). */
export default async function setup(): Promise<void> {}
