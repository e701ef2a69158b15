import { type CatalogEntry, type LifeSituation, lifeSituations, pathTo } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { swedishCollator } from '../../lib/format.ts';
import { type Language, useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useCatalog } from './services.api.ts';
import './services.css';

/** Life situations in addresses, in Swedish like the paths: `/?omrade=barn-familj`. */
const situationSlugs: Record<LifeSituation, string> = {
  childrenFamily: 'barn-familj',
  schoolEducation: 'skola-utbildning',
  buildingHousing: 'bygga-bo',
  trafficStreets: 'trafik-gator',
  careSupport: 'omsorg-stod',
  environmentWaste: 'miljo-avfall',
  municipalityPolitics: 'kommun-politik',
  business: 'foretagande',
  internal: 'medarbetare',
};

function situationOfSlug(slug: string | null): LifeSituation | null {
  return lifeSituations.find((situation) => situationSlugs[situation] === slug) ?? null;
}

const englishCollator = new Intl.Collator('en');

/** E-services by title, with Swedish rules (å, ä, ö last) for Swedish titles. */
function byTitle(language: Language) {
  const collator = language === 'sv' ? swedishCollator : englishCollator;
  return (a: CatalogEntry, b: CatalogEntry) => collator.compare(a.title[language], b.title[language]);
}

function EntryCard({ entry }: { entry: CatalogEntry }) {
  const { t, language } = useI18n();
  const m = t.services.catalog;
  const login = {
    loginRequired: m.loginRequired,
    anonymousAllowed: m.anonymousAllowed,
    staffOnly: m.staffOnly,
  }[entry.audience];
  return (
    <li className="service-entry">
      <h3 className="service-entry-title">
        <Link to={pathTo('serviceForm', { slug: entry.slug })}>{entry.title[language]}</Link>
      </h3>
      <p className="service-entry-description">{entry.description[language]}</p>
      <dl className="service-facts">
        <div>
          <dt>{m.promise}</dt>
          <dd>{m.promiseDays(entry.promise.decisionWithinWorkingDays)}</dd>
        </div>
        <div>
          <dt>{m.login}</dt>
          <dd>{login}</dd>
        </div>
        <div>
          <dt>{m.areas}</dt>
          <dd>{entry.lifeSituations.map((situation) => t.services.lifeSituations[situation]).join(', ')}</dd>
        </div>
      </dl>
    </li>
  );
}

function EntryList({ entries }: { entries: readonly CatalogEntry[] }) {
  return (
    <ul className="service-list">
      {entries.map((entry) => (
        <EntryCard key={entry.id} entry={entry} />
      ))}
    </ul>
  );
}

/**
 * The e-service catalog (B1), open to everyone before login: a search box, the life situations to
 * narrow by, and each e-service with what it is for, its promise and whether it needs a login. The
 * search and the chosen situation live in the address, so a result can be shared and Back works.
 * E-services are listed by title (Swedish order), each naming the life situations it belongs to.
 */
export function ServiceCatalog() {
  const { t, language } = useI18n();
  const m = t.services.catalog;
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim().slice(0, 100);
  const situation = situationOfSlug(searchParams.get('omrade'));
  const [text, setText] = useState(q);
  const searchId = useId();
  const all = useCatalog({ q: '', lifeSituation: null });
  const isFiltered = q !== '' || situation !== null;
  const filtered = useCatalog({ q, lifeSituation: situation });
  const results = isFiltered ? filtered : all;

  // Keep the box in step with the address (Back, a link to a search).
  useEffect(() => setText(q), [q]);

  const apply = (nextQ: string, nextSituation: LifeSituation | null) => {
    const params = new URLSearchParams();
    if (nextQ.trim()) params.set('q', nextQ.trim());
    if (nextSituation) params.set('omrade', situationSlugs[nextSituation]);
    setSearchParams(params, { preventScrollReset: true });
  };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(text, situation);
  };

  const counts = new Map<LifeSituation, number>();
  for (const entry of all.data?.items ?? []) {
    for (const item of entry.lifeSituations) counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  const offered = lifeSituations.filter((item) => counts.has(item) || item === situation);
  const items = [...(results.data?.items ?? [])].sort(byTitle(language));

  let heading = m.allServices;
  if (q) heading = m.resultsFor(q);
  else if (situation) heading = t.services.lifeSituations[situation];

  return (
    <div className="catalog">
      <section className="catalog-search" aria-labelledby="catalog-heading">
        <h2 id="catalog-heading">{m.heading}</h2>
        <search aria-label={m.searchRegion}>
          <form className="catalog-search-form" onSubmit={search} noValidate>
            <TextField
              id={searchId}
              label={m.searchLabel}
              description={m.searchHelp}
              value={text}
              onChange={setText}
              type="text"
            />
            <Button type="submit" variant="primary" className="catalog-search-button">
              {m.search}
            </Button>
          </form>
        </search>
        {offered.length > 0 && (
          <nav className="situation-filter" aria-labelledby="situation-heading">
            <h3 id="situation-heading" className="situation-heading">
              {m.filterHeading}
            </h3>
            <ul className="situation-list">
              <li>
                <Link
                  to={{ search: q ? `?${new URLSearchParams({ q })}` : '' }}
                  className="situation-link"
                  aria-current={situation === null ? 'true' : undefined}
                  preventScrollReset
                >
                  {m.allSituations}
                </Link>
              </li>
              {offered.map((item) => {
                const params = new URLSearchParams();
                if (q) params.set('q', q);
                params.set('omrade', situationSlugs[item]);
                return (
                  <li key={item}>
                    <Link
                      to={{ search: `?${params}` }}
                      className="situation-link"
                      aria-current={situation === item ? 'true' : undefined}
                      preventScrollReset
                    >
                      {t.services.lifeSituations[item]}
                      <span className="situation-count"> ({counts.get(item) ?? 0})</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </section>

      <section
        className="catalog-results"
        aria-labelledby="results-heading"
        aria-busy={results.isPlaceholderData || undefined}
      >
        <h2 id="results-heading">{heading}</h2>
        <p role="status" className="result-count">
          {results.data ? m.resultCount(items.length) : ''}
        </p>
        {results.isPending && <LoadingStatus />}
        {results.isError && <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />}
        {results.data && items.length === 0 && (
          <>
            <EmptyState>{isFiltered ? m.noResults : m.noServices}</EmptyState>
            {isFiltered && (
              <p>
                <Button variant="quiet" onPress={() => apply('', null)}>
                  {m.clearSearch}
                </Button>
              </p>
            )}
          </>
        )}
        {results.data && items.length > 0 && <EntryList entries={items} />}
      </section>
    </div>
  );
}
