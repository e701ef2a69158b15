import { Page } from '../../ui/page.tsx';

/** Placeholder until the page is built. */
export function CaseViewPage() {
  return <Page title="…" />;
}
