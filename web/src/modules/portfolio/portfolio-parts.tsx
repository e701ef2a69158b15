import {
  type ClassificationAspect,
  type ClassificationLevels,
  type InformationAccess,
  type Permission,
  type SessionUser,
  swedishDate,
  type TierCode,
  webPages,
} from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { NavLink } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Page } from '../../ui/page.tsx';

// The pieces every portfolio page shares: the frame with its sub-menu, badges, sections, facts
// and number formats.

export const ASPECTS: readonly ClassificationAspect[] = [
  'confidentiality',
  'integrity',
  'availability',
  'traceability',
];

/** Tells a page what a section saved, for its live region. */
export type OnSaved = (message: string) => void;

const USES = ['create', 'read', 'update', 'delete'] as const;

/** What a system does with an information type, in words: "läser, ändrar" (or `none`). */
export function accessText(
  access: InformationAccess,
  uses: Record<(typeof USES)[number], string>,
  none: string,
): string {
  const words = USES.filter((use) => access[use]).map((use) => uses[use]);
  return words.length > 0 ? words.join(', ') : none;
}

/** Today in Sweden, `YYYY-MM-DD`: the default for dates the user gives. */
export function today(): string {
  return swedishDate();
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A whole number with the locale's separators (`14 500` in Swedish). */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** A share (0–1) as a percentage without decimals (`68 %`). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A number with one decimal (`3,8`), for averages. */
export function formatDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** The tier as a badge: always its name in words; the colour is only a second cue. */
export function TierBadge({ tier }: { tier: TierCode | null }) {
  const { t } = useI18n();
  const m = t.portfolio.terms;
  if (!tier) return <span className="badge tier-badge tier-none">{m.noTier}</span>;
  return <span className={`badge tier-badge tier-${tier}`}>{m.tier[tier]}</span>;
}

/** "Försök över 6 månader" on an innovative system past the time its kind allows. */
export function InnovationBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-warning" title={t.portfolio.terms.innovationOverdueHelp}>
      {t.portfolio.terms.innovationOverdue}
    </span>
  );
}

/** "Försenad" or "Inte klassad": words, with a border as the second cue. */
export function OverdueBadge({ children }: { children: ReactNode }) {
  return <span className="badge badge-warning">{children}</span>;
}

/** A card with its own heading, as a region named by it. */
export function Section({
  title,
  children,
  className,
  headingLevel = 2,
  headingId: givenHeadingId,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  /** The heading's id, to move focus to it after a change that removes the control pressed. */
  headingId?: string;
}) {
  const ownHeadingId = useId();
  const headingId = givenHeadingId ?? ownHeadingId;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={headingId}>
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
  const className = tall ? 'table-scroll table-scroll-tall' : 'table-scroll';
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section className={className} aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}

/** One fact: a term and its value, in a `.details` list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Four classification levels as a list: "Konfidentialitet: Betydande". */
export function LevelList({ levels }: { levels: ClassificationLevels }) {
  const { t } = useI18n();
  return (
    <dl className="level-list">
      {ASPECTS.map((aspect) => (
        <div key={aspect}>
          <dt>{t.portfolio.terms.aspect[aspect]}</dt>
          <dd>
            <span className={`level level-${levels[aspect].rank}`}>{levels[aspect].label}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The portfolio's own menu: its pages, Import only for the IT department. */
export function PortfolioNav({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.subNav;
  const links: [string, string][] = [
    [webPages.portfolio, m.list],
    [webPages.portfolioMine, m.mine],
    [webPages.portfolioClassification, m.classification],
    [webPages.portfolioIntegrations, m.integrations],
    [webPages.portfolioReports, m.reports],
    [webPages.portfolioSurvey, m.survey],
    [webPages.portfolioComponents, t.portfolio.governance.nav.components],
    [webPages.portfolioMasterData, t.portfolio.governance.nav.masterData],
    [webPages.portfolioManagementObjects, t.portfolio.objects.nav],
  ];
  if (hasPermission(user, 'portfolio.manage')) links.push([webPages.portfolioImport, m.import]);
  return (
    <nav aria-label={m.label} className="portfolio-nav">
      <ul>
        {links.map(([path, label]) => (
          <li key={path}>
            <NavLink to={path} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A portfolio page: for staff with the permission (`portfolio.read` unless said), with the page's
 * heading and the portfolio's menu above the content.
 */
export function PortfolioPage({
  title,
  permission = 'portfolio.read',
  children,
}: {
  title: string;
  permission?: Permission;
  children: (user: SessionUser) => ReactNode;
}) {
  return (
    <RequirePermission title={title} permission={permission} realm="staff">
      {(user) => (
        <Page title={title}>
          <PortfolioNav user={user} />
          {children(user)}
        </Page>
      )}
    </RequirePermission>
  );
}
