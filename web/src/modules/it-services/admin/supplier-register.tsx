import type { Supplier } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { formatKronor, queryState, Section, TableScroll, today } from '../it-services-parts.tsx';
import { useSuppliers } from './admin.api.ts';
import { SupplierForm } from './supplier-form.tsx';

const PAGE_SIZE = 25;

function SupplierTable({
  suppliers,
  year,
  onEdit,
}: {
  suppliers: readonly Supplier[];
  year: number;
  onEdit: (supplier: Supplier) => void;
}) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.suppliers.register;
  const captionId = useId();
  if (suppliers.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall={suppliers.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.organisationNumber}</th>
            <th scope="col">{m.columns.category}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.spend(year)}
            </th>
            <th scope="col" className="numeric">
              {m.columns.contracts}
            </th>
            <th scope="col">{m.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {suppliers.map((supplier) => {
            const spend = supplier.spend.find((row) => row.year === year);
            return (
              <tr key={supplier.id}>
                <th scope="row">{supplier.name}</th>
                <td>{supplier.organisationNumber}</td>
                <td>{supplier.category ?? '–'}</td>
                <td className="numeric it-amount">{spend ? formatKronor(spend.amountOre, locale) : '–'}</td>
                <td className="numeric">{supplier.contractCount}</td>
                <td>
                  <Button
                    id={`supplier-edit-${supplier.id}`}
                    size="small"
                    aria-label={m.editNamed(supplier.name)}
                    onPress={() => onEdit(supplier)}
                  >
                    {t.itServicesAdmin.common.edit}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The supplier register: search, a page at a time with last year's spend, and the form that adds or changes one. */
export function SupplierRegister({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.suppliers.register;
  const searchId = useId();
  const addId = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const suppliers = useSuppliers({ q, limit: PAGE_SIZE, offset });
  const lastYear = Number(today().slice(0, 4)) - 1;
  const total = suppliers.data?.total ?? 0;
  const items = suppliers.data?.items ?? [];

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(text.trim());
    setOffset(0);
  };
  const close = (saved: Supplier | null) => {
    const was = editing;
    setEditing(null);
    if (saved) onSaved(was === 'new' ? m.added(saved.name) : m.changed(saved.name));
    const back = was && was !== 'new' ? `supplier-edit-${was.id}` : addId;
    requestAnimationFrame(() => document.getElementById(back)?.focus());
  };

  return (
    <Section title={m.heading}>
      <form className="it-search-row" onSubmit={search} aria-label={m.search}>
        <TextField
          id={searchId}
          label={m.search}
          description={m.searchHelp}
          value={text}
          onChange={setText}
        />
        <Button type="submit">{m.searchButton}</Button>
      </form>
      {queryState(suppliers) ?? (
        <>
          {total > 0 && <p aria-live="polite">{m.count(`${offset + 1}–${offset + items.length}`, total)}</p>}
          <SupplierTable suppliers={items} year={lastYear} onEdit={setEditing} />
          {total > PAGE_SIZE && (
            <nav aria-label={m.pagination} className="button-row">
              <Button isDisabled={offset === 0} onPress={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {m.previous}
              </Button>
              <Button isDisabled={offset + PAGE_SIZE >= total} onPress={() => setOffset(offset + PAGE_SIZE)}>
                {m.next}
              </Button>
            </nav>
          )}
        </>
      )}
      {editing ? (
        <SupplierForm
          key={editing === 'new' ? 'new' : editing.id}
          supplier={editing === 'new' ? null : editing}
          onDone={close}
        />
      ) : (
        <div className="button-row it-after-table">
          <Button id={addId} onPress={() => setEditing('new')}>
            {m.add}
          </Button>
        </div>
      )}
    </Section>
  );
}
