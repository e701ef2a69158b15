import {
  type ClassificationAspect,
  type InformationAccess,
  pathTo,
  type SystemDetail,
  type SystemSecurity,
} from '@karna/contracts';
import { type FormEvent, type ReactNode, type RefObject, useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Checkbox } from '../cases/case-fields.tsx';
import { useChangeSystem, useInformationTypeList } from './portfolio.api.ts';
import {
  ASPECTS,
  accessText,
  LevelList,
  type OnSaved,
  OverdueBadge,
  Section,
  TableScroll,
} from './portfolio-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

// The system page's information and classification (for those who may see it) and its integrations.

const USES = ['create', 'read', 'update', 'delete'] as const;

function InformationTable({ security }: { security: SystemSecurity }) {
  const { t, language, locale } = useI18n();
  const m = t.portfolio.system.security;
  const captionId = useId();
  if (security.information.length === 0) return <EmptyState>{m.noInformation}</EmptyState>;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="table-caption">
          {m.informationCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.information}</th>
            <th scope="col">{m.columns.use}</th>
            <th scope="col">{m.columns.levels}</th>
            <th scope="col">{m.columns.nextReview}</th>
          </tr>
        </thead>
        <tbody>
          {security.information.map((item) => {
            const name = language === 'en' ? item.nameEn : item.nameSv;
            return (
              <tr key={item.informationTypeId}>
                <th scope="row">
                  <Link
                    to={pathTo('portfolioInformationType', { informationTypeId: item.informationTypeId })}
                  >
                    {name}
                  </Link>
                </th>
                <td>{accessText(item, m.uses, m.noUse)}</td>
                <td>
                  {item.levels ? (
                    <LevelList levels={item.levels} />
                  ) : (
                    <OverdueBadge>{m.notClassified}</OverdueBadge>
                  )}
                </td>
                <td>{item.nextReviewOn ? formatDate(item.nextReviewOn, locale) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RequiredControls({ security }: { security: SystemSecurity }) {
  const { t, language } = useI18n();
  const m = t.portfolio.system.security;
  if (security.requiredControls.length === 0) return <p>{m.noControls}</p>;
  const byAspect = new Map<ClassificationAspect, string[]>();
  for (const control of security.requiredControls) {
    const list = byAspect.get(control.aspect) ?? [];
    list.push(language === 'en' ? control.text.en : control.text.sv);
    byAspect.set(control.aspect, list);
  }
  return (
    <div className="control-groups">
      {ASPECTS.filter((aspect) => byAspect.has(aspect)).map((aspect) => (
        <div key={aspect}>
          <h4>{t.portfolio.terms.aspect[aspect]}</h4>
          <ul>
            {(byAspect.get(aspect) ?? []).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

type Held = Record<string, InformationAccess>;

/** Which information types the system holds and what it does with each: PUT …/information. */
function InformationForm({
  system,
  security,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  security: SystemSecurity;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t, language } = useI18n();
  const m = t.portfolio.system.security;
  const types = useInformationTypeList();
  const change = useChangeSystem(system.id);
  const [held, setHeld] = useState<Held>(() =>
    Object.fromEntries(
      security.information.map((item) => [
        item.informationTypeId,
        { create: item.create, read: item.read, update: item.update, delete: item.delete },
      ]),
    ),
  );
  const ids = { heading: useId(), base: useId() };
  const nameOf = (type: { nameSv: string; nameEn: string }) =>
    language === 'en' ? type.nameEn : type.nameSv;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (change.isPending) return;
    change.mutate(
      {
        kind: 'information',
        body: {
          items: Object.entries(held).map(([informationTypeId, access]) => ({
            informationTypeId,
            ...access,
          })),
        },
      },
      { onSuccess: () => onDone(true) },
    );
  };

  let list: ReactNode;
  if (types.isPending) list = <LoadingStatus />;
  else if (types.isError) list = <ProblemAlert error={types.error} onRetry={() => void types.refetch()} />;
  else {
    const sorted = [...types.data.items].sort((a, b) => swedishCollator.compare(nameOf(a), nameOf(b)));
    list = (
      <ul className="information-choices">
        {sorted.map((type) => {
          const access = held[type.id];
          const boxId = `${ids.base}-${type.id}`;
          return (
            <li key={type.id}>
              <Checkbox
                id={boxId}
                label={m.holds(nameOf(type))}
                checked={access !== undefined}
                onChange={(checked) => {
                  const next = { ...held };
                  if (checked) next[type.id] = { create: false, read: true, update: false, delete: false };
                  else delete next[type.id];
                  setHeld(next);
                }}
              />
              {access && (
                <fieldset className="use-choices">
                  <legend className="visually-hidden">{m.accessLegend(nameOf(type))}</legend>
                  {USES.map((use) => (
                    <Checkbox
                      key={use}
                      id={`${boxId}-${use}`}
                      label={m.useLabels[use]}
                      checked={access[use]}
                      onChange={(checked) => setHeld({ ...held, [type.id]: { ...access, [use]: checked } })}
                    />
                  ))}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {m.editHeading}
      </h3>
      <p className="field-description">{m.editLead}</p>
      {list}
      {change.isError && <ProblemAlert error={change.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t.portfolio.system.save}
        </Button>
        <Button onPress={() => onDone(false)}>{t.portfolio.system.cancel}</Button>
      </div>
    </form>
  );
}

/**
 * The information the system holds, how it is classified, the protection the system inherits and
 * the measures it requires; for readers who may not see classification, a note that it exists.
 */
export function SecuritySection({ system, onSaved }: { system: SystemDetail; onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.system.security;
  const toggle = useEditToggle();
  const security = system.security;
  if (!security) {
    return (
      <Section title={m.heading}>
        <p className="notice">{m.hidden}</p>
      </Section>
    );
  }
  return (
    <Section title={m.heading}>
      {security.unclassifiedInformation > 0 && (
        <p>
          <OverdueBadge>{t.portfolio.terms.notClassified}</OverdueBadge>{' '}
          {m.unclassified(security.unclassifiedInformation)}
        </p>
      )}
      {security.classificationOverdue && (
        <p>
          <OverdueBadge>{t.portfolio.terms.overdue}</OverdueBadge> {m.overdue}
        </p>
      )}
      {toggle.editing ? (
        <InformationForm
          system={system}
          security={security}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(t.portfolio.system.saved);
            toggle.close();
          }}
        />
      ) : (
        <>
          <InformationTable security={security} />
          {system.canEdit && (
            <div className="button-row">
              <Button id={toggle.buttonId} onPress={toggle.open}>
                {m.edit}
              </Button>
            </div>
          )}
        </>
      )}
      <h3>{m.protectionHeading}</h3>
      <p>{m.protectionLead}</p>
      {security.requiredProtection ? (
        <LevelList levels={security.requiredProtection} />
      ) : (
        <p className="muted">{m.noProtection}</p>
      )}
      <h3>{m.controlsHeading}</h3>
      <RequiredControls security={security} />
    </Section>
  );
}
