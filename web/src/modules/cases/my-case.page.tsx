import { Page } from '../../ui/page.tsx';

/** Placeholder until the page is built. */
export function MyCasePage() {
  return <Page title="…" />;
}
