import type { KarnaModule } from '../../platform/module.ts';
import { setAuthoritativeSystemSource } from '../registry/index.ts';
import * as createPortfolioTables from './migrations/202611251000-create-portfolio-tables.ts';
import * as standardAssortment from './migrations/202611251100-standard-assortment.ts';
import * as listSpeed from './migrations/202611251200-list-speed.ts';
import * as searchAndBoardSort from './migrations/202611251300-search-and-board-sort.ts';
import { registerComponentRoutes } from './portfolio.components.ts';
import { registerPortfolioExportRoutes } from './portfolio.exports.ts';
import { registerPortfolioImportRoutes } from './portfolio.import.routes.ts';
import { municipalityWideSources } from './portfolio.integrations.ts';
import { registerPortfolioLinkRoutes } from './portfolio.links.routes.ts';
import { registerPortfolioRoutes } from './portfolio.routes.ts';

export { PortfolioAccess } from './portfolio.access.ts';
export { type PortfolioErrorCode, portfolioErrors } from './portfolio.errors.ts';
export { type SystemFact, systemFacts, systemsInUse, tierPolicies } from './portfolio.facts.ts';
export { MAX_IMPORT_BYTES, readSpreadsheet, runImport, suggestMapping } from './portfolio.import.ts';
export { type PortfolioSeed, seedPortfolio } from './portfolio.seed.ts';

/**
 * The application portfolio (M1–M8, E3, A2, A3, Q3): systems with owners and dated roles, the
 * tier policy, KLASSA classification of the information systems hold, integrations, master-data
 * designations, user ratings and pm3 management objects.
 */
export const portfolioModule: KarnaModule = {
  name: 'portfolio',
  migrations: {
    '202611251000-create-portfolio-tables': createPortfolioTables,
    '202611251100-standard-assortment': standardAssortment,
    '202611251200-list-speed': listSpeed,
    '202611251300-search-and-board-sort': searchAndBoardSort,
  },
  async registerRoutes(app, context) {
    // The registry's information types name the system designated for the whole municipality.
    setAuthoritativeSystemSource(municipalityWideSources);
    await registerPortfolioRoutes(app, context);
    await registerPortfolioLinkRoutes(app, context);
    await registerPortfolioImportRoutes(app, context);
    await registerPortfolioExportRoutes(app, context);
    await registerComponentRoutes(app, context);
  },
};
