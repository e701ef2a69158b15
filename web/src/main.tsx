import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers.tsx';
import { createRouter } from './app/router.tsx';
import { sessionClock } from './app/session-clock.ts';
import { applyTextSize, readStoredTextSize } from './app/text-size.tsx';
import { applyLanguage, readStoredLanguage } from './lib/i18n.tsx';
import './app/styles.css';

// Apply the stored settings before the first render, so the page does not jump or change language.
applyLanguage(readStoredLanguage());
applyTextSize(readStoredTextSize());
// Before the first request, so that the session's expiry is followed from its first answer.
sessionClock.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={createRouter()} />
    </Providers>
  </StrictMode>,
);
