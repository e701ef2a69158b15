import { Page } from '../../ui/page.tsx';

/** Placeholder until the page is built. */
export function ReceiptPage() {
  return <Page title="…" />;
}
