import { type Permission, type SessionUser, swedishDate, webPages } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { NavLink } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

// The pieces every IT services page shares: the frame with its sub-menu, sections, tables, money
// and month formats, and the server's field errors in the user's language.

/** Today in Sweden, `YYYY-MM-DD`. */
export function today(): string {
  return swedishDate();
}

/** This month in Sweden, `YYYY-MM`. */
export function thisMonth(): string {
  return today().slice(0, 7);
}

/** Is `value` a month the API takes (`YYYY-MM`, 2000–2199)? */
export function isPeriod(value: string): boolean {
  return /^(20\d\d|21\d\d)-(0[1-9]|1[0-2])$/.test(value);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A month `YYYY-MM` in words: `januari 2027`. */
export function formatMonth(period: string, locale: string): string {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(`${period}-01T00:00:00Z`));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const changeFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, signed: boolean): Intl.NumberFormat {
  const formats = signed ? changeFormats : moneyFormats;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'SEK',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formats.set(locale, format);
  }
  return format;
}

/** Whole öre as kronor: `1 234,56 kr` in Swedish, `SEK 1,234.56` in English. */
export function formatKronor(ore: number, locale: string): string {
  return moneyFormat(locale, false).format(ore / 100);
}

/** A change in öre as signed kronor: `+1 234,56 kr`, `−12,00 kr`, `0,00 kr`. */
export function formatChange(ore: number, locale: string): string {
  return moneyFormat(locale, true).format(ore / 100);
}

/** A quantity with up to two decimals (drivers may be day-weighted): `12,5`. */
export function formatQuantity(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A card with its own heading, as a region named by it. */
export function Section({
  title,
  children,
  headingLevel = 2,
}: {
  title: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card" aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * A data table's scrolling region on narrow screens (allowed for data tables, WCAG 1.4.10): it can
 * take focus so that keyboard users can scroll it (2.1.1), and is named by the table's caption.
 */
export function TableScroll({
  captionId,
  tall,
  children,
}: {
  captionId: string;
  /** Scroll down too, past about a screenful of rows. */
  tall?: boolean;
  children: ReactNode;
}) {
  const className = tall ? 'table-scroll it-table-scroll it-table-tall' : 'table-scroll it-table-scroll';
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section className={className} aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}

/** One fact: a term and its value, in a `.details` or `.record-facts` list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a query shows while it loads or when it failed; `null` once there is data. */
export function queryState(query: {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}): ReactNode {
  if (query.isPending) return <LoadingStatus />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}

/**
 * The server's complaints about a form's fields, in the user's language: a 400's `errors` for a
 * field (`body.quantity`, or `startDate` from a rule) get the form's own message for that field,
 * and problem codes about one field (`order_end_before_notice` → `endDate`) the problem's title.
 */
export function serverFieldErrors<Field extends string>(
  error: unknown,
  messages: Record<Field, string>,
  codes: Partial<Record<string, NoInfer<Field>>> = {},
): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const byField: Partial<Record<Field, string>> = {};
  const isField = (name: string | undefined): name is Field => name !== undefined && name in messages;
  const { problem } = error;
  for (const fieldError of problem.errors ?? []) {
    const name = fieldError.path.replace(/^body\./, '').split('.')[0];
    if (isField(name))
      byField[name] ??= problem.code === 'validation_failed' ? messages[name] : problem.title;
  }
  const codeField = codes[problem.code];
  if (codeField) byField[codeField] ??= problem.title;
  return byField;
}

/** A labelled month field (the browser's month picker; a text field where it has none). */
export function MonthInput({
  id,
  label,
  description,
  value,
  onChange,
  errorMessage,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string | null;
}) {
  const describedBy = [description ? `${id}-hint` : null, errorMessage ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field" data-invalid={errorMessage ? true : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {description && (
        <span id={`${id}-hint`} className="field-description">
          {description}
        </span>
      )}
      <input
        type="month"
        id={id}
        className="text-input text-input-short it-month-input"
        value={value}
        min="2000-01"
        max="2199-12"
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy || undefined}
        aria-invalid={errorMessage ? true : undefined}
      />
      {errorMessage && (
        <p id={`${id}-error`} className="field-error">
          {errorMessage}
        </p>
      )}
    </div>
  );
}

const SUB_PAGES: readonly [
  keyof typeof webPages,
  Permission,
  (
    | 'catalog'
    | 'orders'
    | 'charges'
    | 'allocation'
    | 'suppliers'
    | 'licences'
    | 'keyFigures'
    | 'support'
    | 'servicedesk'
  ),
][] = [
  ['itServices', 'itServices.read', 'catalog'],
  ['itServicesOrders', 'itServices.request', 'orders'],
  ['itServicesCharges', 'itServices.order', 'charges'],
  ['itServicesSupport', 'itServices.read', 'support'],
  ['itServicesServiceDesk', 'itServices.manage', 'servicedesk'],
  ['itServicesAllocation', 'itServices.manage', 'allocation'],
  ['itServicesSuppliers', 'itServices.manage', 'suppliers'],
  ['itServicesLicences', 'itServices.manage', 'licences'],
  ['itServicesKeyFigures', 'itServices.manage', 'keyFigures'],
];

/** The IT services' own menu: each page for those whose role opens it. */
export function ItServicesNav({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = { ...t.itServices.subNav, ...t.itServicesAdmin.subNav, ...t.itSupport.subNav };
  const links = SUB_PAGES.filter(([, permission]) => hasPermission(user, permission));
  return (
    <nav aria-label={m.label} className="it-services-nav">
      <ul>
        {links.map(([page, , label]) => (
          <li key={page}>
            <NavLink to={webPages[page]} end>
              {m[label]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * An IT services page: for staff with the permission, with the page's heading and the IT
 * services' menu above the content.
 */
export function ItServicesPage({
  title,
  permission,
  children,
}: {
  title: string;
  permission: Permission;
  children: (user: SessionUser) => ReactNode;
}) {
  return (
    <RequirePermission title={title} permission={permission} realm="staff">
      {(user) => (
        <Page title={title}>
          <ItServicesNav user={user} />
          <div className="it-services">{children(user)}</div>
        </Page>
      )}
    </RequirePermission>
  );
}
