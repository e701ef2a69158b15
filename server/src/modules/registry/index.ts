import type { KarnaModule } from '../../platform/module.ts';
import { registerInformationTypeRoutes } from './information-types.ts';
import * as createRegistryTables from './migrations/202611231800-create-registry-tables.ts';
import * as dropBatchForeignKeys from './migrations/202611240910-drop-batch-foreign-keys.ts';
import * as syncIndexes from './migrations/202611240920-sync-indexes.ts';
import * as syncInCommitOrder from './migrations/202611241000-sync-in-commit-order.ts';
import * as timeOrderedIds from './migrations/202611241100-time-ordered-ids.ts';
import * as historyOfPastStates from './migrations/202611241200-history-of-past-states.ts';
import { startPopulationDrop } from './population-drop.ts';
import { registerRegistryMeRoutes } from './registry.me.routes.ts';
import { registerRegistryRoutes } from './registry.routes.ts';
import { registerRegistrySyncRoutes } from './registry.sync.routes.ts';

export {
  ensureInformationType,
  findInformationTypes,
  type InformationTypeRef,
} from './information-types.ts';
export {
  type DemoCitizen,
  generateChangeFile,
  generatePopulationFile,
  PopulationFileError,
} from './population-file/index.ts';
export {
  type ImportProgress,
  ImportRefusedError,
  type ImportRejection,
  type ImportSummary,
  importPopulationFile,
  OlderFileRefusedError,
  SyntheticFileRefusedError,
} from './population-import.ts';
export { type RegistryErrorCode, registryErrors } from './registry.errors.ts';
export {
  addCustomerRelation,
  endCustomerRelation,
  findPartyPersons,
  type OpenCase,
  type OpenCasesSource,
  type PartyPerson,
  setAuthoritativeSystemSource,
  setOpenCasesSource,
} from './registry.extensions.ts';
export { type Prefill, type PrefillParts, prefillFor } from './registry.service.ts';

/**
 * The registry: the population register (persons, custody, protected identities), properties and
 * their owners, organisations and their signatories, customer relations and master-data
 * designations — kept once and read by every e-service and officer through this module (E1–E6).
 */
export const registryModule: KarnaModule = {
  name: 'registry',
  migrations: {
    '202611231800-create-registry-tables': createRegistryTables,
    '202611240910-drop-batch-foreign-keys': dropBatchForeignKeys,
    '202611240920-sync-indexes': syncIndexes,
    '202611241000-sync-in-commit-order': syncInCommitOrder,
    '202611241100-time-ordered-ids': timeOrderedIds,
    '202611241200-history-of-past-states': historyOfPastStates,
  },
  async registerRoutes(app, context) {
    await registerRegistryRoutes(app, context);
    await registerRegistryMeRoutes(app, context);
    await registerRegistrySyncRoutes(app, context);
    await registerInformationTypeRoutes(app, context);
  },
  startBackgroundWork: startPopulationDrop,
};
