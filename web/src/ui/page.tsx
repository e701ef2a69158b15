import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../lib/i18n.tsx';

interface PageProps {
  /** The page's name: its only `<h1>` and the first part of the document title. */
  title: string;
  children?: ReactNode;
}

/**
 * The frame of every page: sets `document.title` and renders the page's single `<h1>`. The heading
 * takes focus on navigation (see the layout), so it is focusable by script but not by Tab.
 */
export function Page({ title, children }: PageProps) {
  const { t } = useI18n();
  const documentTitle = t.meta.pageTitle(title);

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  return (
    <>
      <h1 tabIndex={-1} className="page-heading">
        {title}
      </h1>
      {children}
    </>
  );
}
