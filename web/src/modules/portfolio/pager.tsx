import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';

/** Previous and next page, with "page N of M" between; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.list;
  if (pages <= 1) return null;
  return (
    <nav aria-label={m.pages} className="pager">
      <Button size="small" isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
        {m.previous}
      </Button>
      <span>{m.pageOf(page, pages)}</span>
      <Button size="small" isDisabled={page >= pages} onPress={() => onPage(page + 1)}>
        {m.next}
      </Button>
    </nav>
  );
}
