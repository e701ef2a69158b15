import { type WebPage, webPages } from '@karna/contracts';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ActingForPage } from '../modules/portal/acting-for.page.tsx';
import { MyDetailsPage } from '../modules/portal/my-details.page.tsx';
import { MyOrganisationPage } from '../modules/portal/my-organisation.page.tsx';
import { MyPagesPage } from '../modules/portal/my-pages.page.tsx';
import { StartPage } from '../modules/portal/start.page.tsx';
import { WorkspacePage } from '../modules/workspace/workspace.page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { RouteErrorPage } from './route-error.page.tsx';

/**
 * What each page of the shared list (`webPages` in @karna/contracts, which the server also uses to
 * answer unknown paths with 404) shows. The type makes a page added to the list without a route
 * here, or a route here without a page in the list, a compile error.
 */
const pageRoutes: Record<WebPage, Omit<RouteObject, 'path' | 'index' | 'children'>> = {
  start: { element: <StartPage /> },
  myPages: { element: <MyPagesPage /> },
  myDetails: { element: <MyDetailsPage /> },
  actingFor: { element: <ActingForPage /> },
  myOrganisation: { element: <MyOrganisationPage /> },
  workspace: { element: <WorkspacePage /> },
  // E-services, cases and the development pages: loaded on first visit.
  serviceForm: {
    lazy: async () => {
      const { ServiceFormPage } = await import('../modules/services/service-form.page.tsx');
      return { Component: ServiceFormPage };
    },
  },
  serviceReceipt: {
    lazy: async () => {
      const { ReceiptPage } = await import('../modules/services/receipt.page.tsx');
      return { Component: ReceiptPage };
    },
  },
  trackCase: {
    lazy: async () => {
      const { TrackCasePage } = await import('../modules/services/track-case.page.tsx');
      return { Component: TrackCasePage };
    },
  },
  myCases: {
    lazy: async () => {
      const { MyCasesPage } = await import('../modules/cases/my-cases.page.tsx');
      return { Component: MyCasesPage };
    },
  },
  myCase: {
    lazy: async () => {
      const { MyCasePage } = await import('../modules/cases/my-case.page.tsx');
      return { Component: MyCasePage };
    },
  },
  caseInbox: {
    lazy: async () => {
      const { CaseInboxPage } = await import('../modules/cases/case-inbox.page.tsx');
      return { Component: CaseInboxPage };
    },
  },
  caseView: {
    lazy: async () => {
      const { CaseViewPage } = await import('../modules/cases/case-view.page.tsx');
      return { Component: CaseViewPage };
    },
  },
  caughtMails: {
    lazy: async () => {
      const { CaughtMailsPage } = await import('../modules/dev/caught-mails.page.tsx');
      return { Component: CaughtMailsPage };
    },
  },
  // The register's pages are for some staff only: loaded on first visit, like administration.
  personSearch: {
    lazy: async () => {
      const { PersonSearchPage } = await import('../modules/registry/person-search.page.tsx');
      return { Component: PersonSearchPage };
    },
  },
  personOverview: {
    lazy: async () => {
      const { PersonOverviewPage } = await import('../modules/registry/person-overview.page.tsx');
      return { Component: PersonOverviewPage };
    },
  },
  informationTypes: {
    lazy: async () => {
      const { InformationTypesPage } = await import('../modules/registry/information-types.page.tsx');
      return { Component: InformationTypesPage };
    },
  },
  // Administration is for a few staff and brings its own dialogs and pickers: load it on first
  // visit only.
  administration: {
    lazy: async () => {
      const { AdminPage } = await import('../modules/identity/admin.page.tsx');
      return { Component: AdminPage };
    },
  },
  // Long texts in two languages that most visits never open.
  accessibility: {
    lazy: async () => {
      const { AccessibilityStatementPage } = await import('../modules/portal/accessibility.page.tsx');
      return { Component: AccessibilityStatementPage };
    },
  },
  personalData: {
    lazy: async () => {
      const { PersonalDataPage } = await import('../modules/portal/personal-data.page.tsx');
      return { Component: PersonalDataPage };
    },
  },
  // The application portfolio: staff pages, each loaded on first visit (the graph brings cytoscape
  // in its own chunk on top).
  portfolio: {
    lazy: async () => {
      const { PortfolioListPage } = await import('../modules/portfolio/portfolio-list.page.tsx');
      return { Component: PortfolioListPage };
    },
  },
  portfolioMine: {
    lazy: async () => {
      const { MySystemsPage } = await import('../modules/portfolio/my-systems.page.tsx');
      return { Component: MySystemsPage };
    },
  },
  portfolioNewSystem: {
    lazy: async () => {
      const { NewSystemPage } = await import('../modules/portfolio/new-system.page.tsx');
      return { Component: NewSystemPage };
    },
  },
  portfolioSystem: {
    lazy: async () => {
      const { SystemPage } = await import('../modules/portfolio/system.page.tsx');
      return { Component: SystemPage };
    },
  },
  portfolioClassification: {
    lazy: async () => {
      const { ClassificationListPage } = await import('../modules/portfolio/classification-list.page.tsx');
      return { Component: ClassificationListPage };
    },
  },
  portfolioInformationType: {
    lazy: async () => {
      const { InformationTypePage } = await import('../modules/portfolio/information-type.page.tsx');
      return { Component: InformationTypePage };
    },
  },
  portfolioIntegrations: {
    lazy: async () => {
      const { IntegrationsPage } = await import('../modules/portfolio/integrations.page.tsx');
      return { Component: IntegrationsPage };
    },
  },
  portfolioReports: {
    lazy: async () => {
      const { ReportsPage } = await import('../modules/portfolio/reports.page.tsx');
      return { Component: ReportsPage };
    },
  },
  portfolioImport: {
    lazy: async () => {
      const { ImportPage } = await import('../modules/portfolio/import.page.tsx');
      return { Component: ImportPage };
    },
  },
  portfolioSurvey: {
    lazy: async () => {
      const { SurveyPage } = await import('../modules/portfolio/survey.page.tsx');
      return { Component: SurveyPage };
    },
  },
  portfolioComponents: {
    lazy: async () => {
      const { ComponentsPage } = await import('../modules/portfolio/components.page.tsx');
      return { Component: ComponentsPage };
    },
  },
  portfolioMasterData: {
    lazy: async () => {
      const { MasterDataPage } = await import('../modules/portfolio/master-data.page.tsx');
      return { Component: MasterDataPage };
    },
  },
  portfolioManagementObjects: {
    lazy: async () => {
      const { ManagementObjectsPage } = await import('../modules/portfolio/management-objects.page.tsx');
      return { Component: ManagementObjectsPage };
    },
  },
  portfolioManagementObject: {
    lazy: async () => {
      const { ManagementObjectPage } = await import('../modules/portfolio/management-object.page.tsx');
      return { Component: ManagementObjectPage };
    },
  },
  // The IT department's services: staff pages, each loaded on first visit.
  itServices: {
    lazy: async () => {
      const { CatalogPage } = await import('../modules/it-services/catalog.page.tsx');
      return { Component: CatalogPage };
    },
  },
  itServicesOrders: {
    lazy: async () => {
      const { OrdersPage } = await import('../modules/it-services/orders.page.tsx');
      return { Component: OrdersPage };
    },
  },
  itServicesCharges: {
    lazy: async () => {
      const { ChargesPage } = await import('../modules/it-services/charges.page.tsx');
      return { Component: ChargesPage };
    },
  },
  itServicesAllocation: {
    lazy: async () => {
      const { AllocationPage } = await import('../modules/it-services/allocation.page.tsx');
      return { Component: AllocationPage };
    },
  },
  itServicesSupport: {
    lazy: async () => {
      const { SupportPage } = await import('../modules/it-services/support/support.page.tsx');
      return { Component: SupportPage };
    },
  },
  itServicesTicket: {
    lazy: async () => {
      const { TicketPage } = await import('../modules/it-services/support/ticket.page.tsx');
      return { Component: TicketPage };
    },
  },
  itServicesServiceDesk: {
    lazy: async () => {
      const { ServiceDeskPage } = await import('../modules/it-services/support/service-desk.page.tsx');
      return { Component: ServiceDeskPage };
    },
  },
  itServicesSuppliers: {
    lazy: async () => {
      const { SuppliersPage } = await import('../modules/it-services/admin/suppliers.page.tsx');
      return { Component: SuppliersPage };
    },
  },
  itServicesLicences: {
    lazy: async () => {
      const { LicencesPage } = await import('../modules/it-services/admin/licences.page.tsx');
      return { Component: LicencesPage };
    },
  },
  itServicesLicencePool: {
    lazy: async () => {
      const { LicencePoolPage } = await import('../modules/it-services/admin/licence-pool.page.tsx');
      return { Component: LicencePoolPage };
    },
  },
  itServicesKeyFigures: {
    lazy: async () => {
      const { KeyFiguresPage } = await import('../modules/it-services/admin/key-figures.page.tsx');
      return { Component: KeyFiguresPage };
    },
  },
};

/**
 * Every page of the web app. Paths are Swedish, as users see them. Access control lives in the
 * pages (RequirePermission); the server enforces it again on every API call.
 */
export function createRouter() {
  const pages = (Object.keys(pageRoutes) as WebPage[]).map(
    (page): RouteObject => ({ path: webPages[page], ...pageRoutes[page] }),
  );
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          // A pathless route so that a crashing page is replaced inside the shell, not the shell.
          errorElement: <RouteErrorPage />,
          children: [...pages, { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ]);
}
