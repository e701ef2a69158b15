/**
 * The register's test data for other modules' tests (a module may not reach into the registry's
 * internals; the shared test folder may).
 */
export {
  insertCustody,
  insertLindqvistFamily,
  insertPerson,
} from '../src/modules/registry/registry.test-support.ts';
