/**
 * The web app's pages, by path. The web app's router and the server share this list: the server
 * answers a known page with the app and HTTP 200, anything else with the app's "not found" page and
 * HTTP 404, so that search engines, link checkers and people's browsers are told the truth.
 * A page whose path has parameters is written with `:name` segments (`/arenden/:caseId`). A
 * parameter is an id, never a personal number or other personal data: paths end up in logs and
 * browser history.
 */
export const webPages = {
  start: '/',
  serviceForm: '/e-tjanster/:slug',
  serviceReceipt: '/e-tjanster/kvitto/:caseId',
  trackCase: '/folj-arende',
  myPages: '/mina-sidor',
  myDetails: '/mina-sidor/uppgifter',
  actingFor: '/mina-sidor/foretrada',
  myOrganisation: '/mina-sidor/organisationer/:organisationId',
  myCases: '/mina-sidor/arenden',
  myCase: '/mina-sidor/arenden/:caseId',
  workspace: '/handlaggning',
  caseInbox: '/handlaggning/arenden',
  caseView: '/handlaggning/arenden/:caseId',
  personSearch: '/handlaggning/personer',
  personOverview: '/handlaggning/personer/:personId',
  administration: '/admin',
  informationTypes: '/admin/informationstyper',
  accessibility: '/tillganglighet',
  personalData: '/personuppgifter',
  /** The application portfolio (applikationsportfölj): the register of the municipality's systems. */
  portfolio: '/portfolj',
  portfolioMine: '/portfolj/mina-system',
  portfolioNewSystem: '/portfolj/nytt-system',
  portfolioSystem: '/portfolj/system/:systemId',
  portfolioClassification: '/portfolj/informationsklassning',
  portfolioInformationType: '/portfolj/informationsklassning/:informationTypeId',
  portfolioIntegrations: '/portfolj/integrationer',
  portfolioReports: '/portfolj/rapporter',
  portfolioImport: '/portfolj/import',
  portfolioSurvey: '/portfolj/enkat',
  portfolioComponents: '/portfolj/standardsortiment',
  portfolioMasterData: '/portfolj/masterdata',
  /** pm3 management objects (förvaltningsobjekt): their systems, roles and yearly plans. */
  portfolioManagementObjects: '/portfolj/forvaltningsobjekt',
  portfolioManagementObject: '/portfolj/forvaltningsobjekt/:objectId',
  /** The IT department's services: the catalog, orders (avrop), a department's charges, chargeback runs. */
  itServices: '/it-tjanster',
  itServicesOrders: '/it-tjanster/bestallningar',
  itServicesCharges: '/it-tjanster/debitering',
  itServicesAllocation: '/it-tjanster/fordelning',
  /** Support (N5): report a problem and follow it; one ticket; the IT department's service desk. */
  itServicesSupport: '/it-tjanster/support',
  itServicesTicket: '/it-tjanster/support/:ticketId',
  itServicesServiceDesk: '/it-tjanster/servicedesk',
  /** The IT department's suppliers and contracts, licence pools, and IT cost as a share of turnover. */
  itServicesSuppliers: '/it-tjanster/leverantorer',
  itServicesLicences: '/it-tjanster/licenser',
  itServicesLicencePool: '/it-tjanster/licenser/:poolId',
  itServicesKeyFigures: '/it-tjanster/nyckeltal',
  /** Development only: the mails the local SMTP catcher took. */
  caughtMails: '/utveckling/e-post',
} as const;

export type WebPage = keyof typeof webPages;

/** The names of the `:name` segments of a path: `'/a/:b/c/:d'` gives `'b' | 'd'`. */
type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** What `pathTo` needs for a page: nothing, or a value for each of its `:name` segments. */
export type PageParams<Page extends WebPage> = [PathParams<(typeof webPages)[Page]>] extends [never]
  ? []
  : [params: Record<PathParams<(typeof webPages)[Page]>, string>];

/** A page's path with its `:name` segments filled in (each value encoded as one segment). */
export function pathTo<Page extends WebPage>(page: Page, ...[params]: PageParams<Page>): string {
  const values: Record<string, string> = params ?? {};
  return webPages[page].replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

const pagePatterns = Object.values(webPages).map(
  (page) => new RegExp(`^${page.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\/$/, '')}/?$`),
);

/** Is `pathname` (decoded, without the query) one of the web app's pages? */
export function isWebPage(pathname: string): boolean {
  return pagePatterns.some((pattern) => pattern.test(pathname));
}
