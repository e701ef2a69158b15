import type { KarnaModule } from '../../platform/module.ts';
import { registerChargebackRoutes } from './it-services.chargeback.routes.ts';
import { MAX_CSV_BYTES } from './it-services.csv-file.ts';
import { registerLicenceRoutes } from './it-services.licences.routes.ts';
import { registerItServicesRoutes } from './it-services.routes.ts';
import { registerSupplierRoutes } from './it-services.suppliers.routes.ts';
import { registerTicketRoutes } from './it-services.tickets.routes.ts';
import * as createItServicesTables from './migrations/202611260900-create-it-services-tables.ts';
import * as supportTickets from './migrations/202611261000-support-tickets.ts';
import * as suppliers from './migrations/202611261100-suppliers.ts';
import * as licences from './migrations/202611261200-licences.ts';
import * as keyFigures from './migrations/202611261300-key-figures.ts';

export { ItServicesAccess } from './it-services.access.ts';
export { type ItServicesErrorCode, itServicesErrors } from './it-services.errors.ts';
export { type LicenceErrorCode, licenceErrors } from './it-services.licences.errors.ts';
export { seedLicences } from './it-services.licences.seed.ts';
export { type ItServicesSeed, seedItServices } from './it-services.seed.ts';

/**
 * The IT department's services (N1–N7, P4): the service catalog, orders (avrop) by departments,
 * and chargeback of IT's costs by the six distribution models of MOL appendix 8.2.
 */
export const itServicesModule: KarnaModule = {
  name: 'it-services',
  migrations: {
    '202611260900-create-it-services-tables': createItServicesTables,
    '202611261000-support-tickets': supportTickets,
    '202611261100-suppliers': suppliers,
    '202611261200-licences': licences,
    '202611261300-key-figures': keyFigures,
  },
  async registerRoutes(app, context) {
    // The module's file imports (drivers, supplier spend, licence use) arrive as CSV text.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
      (_request, body, done) => done(null, body),
    );
    await registerItServicesRoutes(app, context);
    await registerChargebackRoutes(app, context);
    await registerTicketRoutes(app, context);
    await registerLicenceRoutes(app, context);
    await registerSupplierRoutes(app, context);
  },
};
