import {
  type PersonSearchHit,
  type PersonSearchRequest,
  parsePersonalNumber,
  pathTo,
} from '@karna/contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { formatDate, formatName } from '../../lib/format.ts';
import { type Messages, useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { TextField } from '../../ui/text-field.tsx';
import {
  emptyPurpose,
  type LookupState,
  type PurposeDraft,
  purposeErrors,
  toPurpose,
} from './lookup-purpose.ts';
import { PurposeFields } from './purpose-fields.tsx';
import { usePersonSearch } from './registry.api.ts';
import { isProtected, ProtectedBadge } from './registry-facts.tsx';

type SearchBy = 'personalNumber' | 'name';

interface SearchDraft {
  by: SearchBy;
  personalNumber: string;
  familyName: string;
  givenName: string;
  birthYear: string;
}

const emptySearch: SearchDraft = {
  by: 'personalNumber',
  personalNumber: '',
  familyName: '',
  givenName: '',
  birthYear: '',
};

interface SearchErrors {
  personalNumber: string | null;
  familyName: string | null;
  givenName: string | null;
  birthYear: string | null;
}

const NAME_MAX = 100;

function searchErrors(draft: SearchDraft, t: Messages): SearchErrors {
  const errors: SearchErrors = { personalNumber: null, familyName: null, givenName: null, birthYear: null };
  if (draft.by === 'personalNumber') {
    const value = draft.personalNumber.trim();
    if (value === '') errors.personalNumber = t.personSearch.personalNumberRequired;
    else if (!parsePersonalNumber(value).ok) errors.personalNumber = t.personSearch.personalNumberInvalid;
    return errors;
  }
  const familyName = draft.familyName.trim();
  if (familyName === '') errors.familyName = t.personSearch.familyNameRequired;
  else if (familyName.length > NAME_MAX) errors.familyName = t.personSearch.nameTooLong;
  if (draft.givenName.trim().length > NAME_MAX) errors.givenName = t.personSearch.nameTooLong;
  const year = Number(draft.birthYear.trim());
  if (!/^\d{4}$/.test(draft.birthYear.trim()) || year < 1880 || year > new Date().getFullYear()) {
    errors.birthYear = t.personSearch.birthYearInvalid;
  }
  return errors;
}

/** The request for a complete form (the caller has checked that there are no errors). */
function toRequest(search: SearchDraft, purpose: PurposeDraft): PersonSearchRequest | null {
  const why = toPurpose(purpose);
  if (!why) return null;
  if (search.by === 'personalNumber') return { personalNumber: search.personalNumber.trim(), ...why };
  const givenName = search.givenName.trim();
  return {
    familyName: search.familyName.trim(),
    ...(givenName ? { givenName } : {}),
    birthYear: Number(search.birthYear.trim()),
    ...why,
  };
}

function HitList({ hits, lookup }: { hits: readonly PersonSearchHit[]; lookup: LookupState }) {
  const { t, locale } = useI18n();
  return (
    <ul className="record-list">
      {hits.map((hit) => (
        <li key={hit.id}>
          <Link to={pathTo('personOverview', { personId: hit.id })} state={lookup} className="record-title">
            {formatName(hit)}
          </Link>
          <span className="record-line">
            {t.registry.bornOn(formatDate(hit.birthDate, locale))}
            {/* A protected person's town is never shown (the server leaves it out too). */}
            {!isProtected(hit.protection) && hit.postalTown && ` · ${hit.postalTown}`}
          </span>
          {isProtected(hit.protection) && <ProtectedBadge />}
        </li>
      ))}
    </ul>
  );
}

function PersonSearch() {
  const { t } = useI18n();
  const search = usePersonSearch();
  const [purpose, setPurpose] = useState<PurposeDraft>(emptyPurpose);
  const [draft, setDraft] = useState<SearchDraft>(emptySearch);
  // The purpose the results were found with: the overview is opened with the same one.
  const [lookup, setLookup] = useState<LookupState | null>(null);
  // Errors show from the first submit on, and the summary takes focus on each submit that has some.
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = {
    purpose: useId(),
    purposeText: useId(),
    by: useId(),
    personalNumber: useId(),
    familyName: useId(),
    givenName: useId(),
    birthYear: useId(),
  };
  const resultsId = useId();

  const shownPurposeErrors = failedSubmits > 0 ? purposeErrors(purpose, t) : null;
  const shownSearchErrors = failedSubmits > 0 ? searchErrors(draft, t) : null;
  const summary: SummaryError[] = [];
  const addError = (fieldId: string, message: string | null | undefined) => {
    if (message) summary.push({ fieldId, message });
  };
  addError(ids.purpose, shownPurposeErrors?.purpose);
  addError(ids.purposeText, shownPurposeErrors?.purposeText);
  addError(ids.personalNumber, shownSearchErrors?.personalNumber);
  addError(ids.familyName, shownSearchErrors?.familyName);
  addError(ids.givenName, shownSearchErrors?.givenName);
  addError(ids.birthYear, shownSearchErrors?.birthYear);

  const update = (change: Partial<SearchDraft>) => setDraft((current) => ({ ...current, ...change }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (search.isPending) return;
    const hasErrors = [
      ...Object.values(purposeErrors(purpose, t)),
      ...Object.values(searchErrors(draft, t)),
    ].some(Boolean);
    const request = hasErrors ? null : toRequest(draft, purpose);
    if (!request) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    const why = toPurpose(purpose);
    search.mutate(request, { onSuccess: () => setLookup(why ? { purpose: why } : null) });
  };

  let searchStatus: string | null = null;
  if (search.isPending) searchStatus = t.personSearch.searching;
  else if (search.isSuccess) searchStatus = t.personSearch.resultCount(search.data.items.length);

  let results: ReactNode = null;
  if (search.isError) results = <ProblemAlert error={search.error} />;
  else if (search.isSuccess && lookup) {
    results = (
      <section aria-labelledby={resultsId} className="stack-small">
        <h2 id={resultsId}>{t.personSearch.resultsHeading}</h2>
        {search.data.items.length === 0 ? (
          <EmptyState>{t.personSearch.noResults}</EmptyState>
        ) : (
          <HitList hits={search.data.items} lookup={lookup} />
        )}
      </section>
    );
  }

  return (
    <Page title={t.personSearch.title}>
      <p className="lead">{t.personSearch.intro}</p>
      <div className="search-layout">
        <form onSubmit={submit} noValidate className="form card">
          <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
          <PurposeFields ids={ids} value={purpose} onChange={setPurpose} errors={shownPurposeErrors} />
          <RadioGroup
            id={ids.by}
            label={t.personSearch.searchBy}
            options={[
              { id: 'personalNumber', label: t.personSearch.byPersonalNumber },
              { id: 'name', label: t.personSearch.byName, description: t.personSearch.nameSearchNote },
            ]}
            value={draft.by}
            onChange={(by) => update({ by: by === 'name' ? 'name' : 'personalNumber' })}
          />
          {draft.by === 'personalNumber' ? (
            <TextField
              id={ids.personalNumber}
              label={t.personSearch.personalNumber}
              description={t.personSearch.personalNumberHelp}
              value={draft.personalNumber}
              onChange={(personalNumber) => update({ personalNumber })}
              errorMessage={shownSearchErrors?.personalNumber}
              isRequired
              inputMode="numeric"
              autoComplete="off"
              size="medium"
            />
          ) : (
            <>
              <TextField
                id={ids.familyName}
                label={t.personSearch.familyName}
                value={draft.familyName}
                onChange={(familyName) => update({ familyName })}
                errorMessage={shownSearchErrors?.familyName}
                isRequired
                autoComplete="off"
              />
              <TextField
                id={ids.givenName}
                label={t.personSearch.givenName}
                value={draft.givenName}
                onChange={(givenName) => update({ givenName })}
                errorMessage={shownSearchErrors?.givenName}
                autoComplete="off"
              />
              <TextField
                id={ids.birthYear}
                label={t.personSearch.birthYear}
                description={t.personSearch.birthYearHelp}
                value={draft.birthYear}
                onChange={(birthYear) => update({ birthYear })}
                errorMessage={shownSearchErrors?.birthYear}
                isRequired
                inputMode="numeric"
                autoComplete="off"
                size="short"
              />
            </>
          )}
          <div className="button-row">
            {/* Not `isPending`: React Aria's announcement of it would point at a button gone after navigation. */}
            <Button type="submit" variant="primary">
              {search.isPending ? t.personSearch.searching : t.personSearch.search}
            </Button>
          </div>
        </form>
        <div>
          <LiveStatus message={searchStatus} />
          {results}
        </div>
      </div>
    </Page>
  );
}

/** `/handlaggning/personer`: find a person in the population register, with a stated purpose. */
export function PersonSearchPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.personSearch.title} permission="persons.lookup" realm="staff">
      {() => <PersonSearch />}
    </RequirePermission>
  );
}
