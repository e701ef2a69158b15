import { createBrowserRouter } from 'react-router';
import { AccessibilityStatementPage } from '../modules/portal/accessibility.page.tsx';
import { MyPagesPage } from '../modules/portal/my-pages.page.tsx';
import { StartPage } from '../modules/portal/start.page.tsx';
import { WorkspacePage } from '../modules/workspace/workspace.page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { RouteErrorPage } from './route-error.page.tsx';

/**
 * Every page of the web app. Paths are Swedish, as users see them. Access control lives in the
 * pages (RequirePermission); the server enforces it again on every API call.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          // A pathless route so that a crashing page is replaced inside the shell, not the shell.
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <StartPage /> },
            { path: 'mina-sidor', element: <MyPagesPage /> },
            { path: 'handlaggning', element: <WorkspacePage /> },
            {
              // Administration is for a few staff and brings its own dialogs and selects:
              // load it on first visit only.
              path: 'admin',
              lazy: async () => {
                const { AdminPage } = await import('../modules/identity/admin.page.tsx');
                return { Component: AdminPage };
              },
            },
            { path: 'tillganglighet', element: <AccessibilityStatementPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
