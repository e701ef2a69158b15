/**
 * The web app's pages, by path. The web app's router and the server share this list: the server
 * answers a known page with the app and HTTP 200, anything else with the app's "not found" page and
 * HTTP 404, so that search engines, link checkers and people's browsers are told the truth.
 * A page whose path has parameters is written with `:name` segments (`/arenden/:caseId`).
 */
export const webPages = {
  start: '/',
  myPages: '/mina-sidor',
  workspace: '/handlaggning',
  administration: '/admin',
  accessibility: '/tillganglighet',
  personalData: '/personuppgifter',
} as const;

export type WebPage = keyof typeof webPages;

const pagePatterns = Object.values(webPages).map(
  (page) => new RegExp(`^${page.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\/$/, '')}/?$`),
);

/** Is `pathname` (decoded, without the query) one of the web app's pages? */
export function isWebPage(pathname: string): boolean {
  return pagePatterns.some((pattern) => pattern.test(pathname));
}
