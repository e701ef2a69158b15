import {
  type Classification,
  type ClassificationLevels,
  type ClassificationModel,
  type InformationTypeClassification,
  pathTo,
  type SessionUser,
  webPages,
} from '@karna/contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { TextField } from '../../ui/text-field.tsx';
import {
  useClassificationModel,
  useClassify,
  useInformationTypeClassification,
  useInformationTypeList,
  useMyRoles,
} from './portfolio.api.ts';
import {
  ASPECTS,
  accessText,
  Fact,
  LevelList,
  OverdueBadge,
  PortfolioNav,
  Section,
  TableScroll,
  TierBadge,
  today,
} from './portfolio-parts.tsx';
import './portfolio.css';

/** The roles that let a person classify what their system holds (they edit the system). */
const EDITING_ROLES = new Set(['systemOwner', 'systemOwnerDelegate', 'systemManager', 'systemCustodian']);

/**
 * Whether to offer the questionnaire: to the IT department, the type's information owner and those
 * who keep a system holding it — the server's rule, from what the caller's roles say. The server
 * decides again.
 */
function useMayClassify(user: SessionUser, classification: InformationTypeClassification): boolean {
  const roles = useMyRoles();
  if (hasPermission(user, 'portfolio.manage')) return true;
  const holders = new Set(classification.systems.map((system) => system.id));
  const now = today();
  return (roles.data?.items ?? []).some(
    (role) =>
      role.validFrom <= now &&
      ((role.subjectType === 'informationType' &&
        role.subjectId === classification.informationType.id &&
        role.role === 'informationOwner') ||
        (role.subjectType === 'system' && holders.has(role.subjectId) && EDITING_ROLES.has(role.role))),
  );
}

/** The controls the model requires from levels: each aspect's from its rank upward. */
function controlsFor(model: ClassificationModel, levels: ClassificationLevels) {
  return model.controls.filter((control) => levels[control.aspect].rank >= control.fromRank);
}

function levelsText(
  levels: ClassificationLevels,
  aspectName: (aspect: (typeof ASPECTS)[number]) => string,
): string {
  return ASPECTS.map((aspect) => `${aspectName(aspect)}: ${levels[aspect].label}`).join(', ');
}

function CurrentClassification({
  classification,
  model,
}: {
  classification: InformationTypeClassification;
  model: ClassificationModel | undefined;
}) {
  const { t, language, locale } = useI18n();
  const m = t.portfolio.classification.type;
  const current = classification.current;
  if (!current) return <EmptyState>{m.none}</EmptyState>;
  const controls = model ? controlsFor(model, current.levels) : [];
  return (
    <>
      <p className="classification-model">{m.model(current.model, current.modelVersion)}</p>
      <LevelList levels={current.levels} />
      <dl className="details">
        <Fact term={m.classifiedOn}>{formatDate(current.classifiedOn, locale)}</Fact>
        <Fact term={m.classifiedBy}>{current.classifiedBy}</Fact>
        <Fact term={m.nextReview}>
          {formatDate(current.nextReviewOn, locale)}{' '}
          {classification.overdue && <OverdueBadge>{t.portfolio.terms.overdue}</OverdueBadge>}
        </Fact>
        <Fact term={m.legalBases}>
          {current.legalBases.length > 0 ? current.legalBases.join(', ') : m.noLegalBases}
        </Fact>
        {current.comment && (
          <Fact term={m.comment}>
            <span className="pre-line">{current.comment}</span>
          </Fact>
        )}
      </dl>
      <h3>{m.controlsHeading}</h3>
      {controls.length === 0 ? (
        <p>{m.noControls}</p>
      ) : (
        <ul>
          {controls.map((control) => (
            <li key={control.key}>
              {t.portfolio.terms.aspect[control.aspect]}:{' '}
              {language === 'en' ? control.text.en : control.text.sv}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function History({ history }: { history: readonly Classification[] }) {
  const { t, locale } = useI18n();
  const m = t.portfolio.classification.type;
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.historyCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.historyColumns.date}</th>
            <th scope="col">{m.historyColumns.by}</th>
            <th scope="col">{m.historyColumns.levels}</th>
            <th scope="col">{m.historyColumns.model}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{formatDate(entry.classifiedOn, locale)}</th>
              <td>{entry.classifiedBy}</td>
              <td>
                <LevelList levels={entry.levels} />
              </td>
              <td>
                {entry.model} {entry.modelVersion}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The guided questionnaire: the model's questions by aspect, legal bases and a comment. */
function Questionnaire({
  typeId,
  model,
  current,
  onSaved,
}: {
  typeId: string;
  model: ClassificationModel;
  current: Classification | null;
  onSaved: (levels: ClassificationLevels) => void;
}) {
  const { t, language } = useI18n();
  const m = t.portfolio.classification.type;
  const classify = useClassify(typeId);
  // The answers kept with the classification in force are the starting point, if the model is the same.
  const [answers, setAnswers] = useState<Record<string, number>>(() =>
    current && current.model === model.name && current.modelVersion === model.version ? current.answers : {},
  );
  const [legalBases, setLegalBases] = useState(() => current?.legalBases.join('\n') ?? '');
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const baseId = useId();
  const questionId = (id: string) => `${baseId}-${id}`;
  const localized = (text: { sv: string; en: string }) => (language === 'en' ? text.en : text.sv);
  const missing = model.questions.filter((question) => answers[question.id] === undefined);
  const summary: SummaryError[] = checked
    ? missing.map((question) => ({
        fieldId: questionId(question.id),
        message: `${localized(question.text)} ${m.answerError}`,
      }))
    : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (missing.length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // The form is made anew with the new classification: a second press while waiting is ignored.
    if (classify.isPending) return;
    classify.mutate(
      {
        answers,
        legalBases: legalBases
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        comment: comment.trim() || null,
      },
      {
        onSuccess: (result) => {
          setComment('');
          setChecked(false);
          if (result.current) onSaved(result.current.levels);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={m.formHeading}>
      <p>{m.formLead}</p>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      {ASPECTS.map((aspect) => (
        <fieldset key={aspect} className="aspect-fieldset">
          <legend>
            <h3>{t.portfolio.terms.aspect[aspect]}</h3>
          </legend>
          {model.questions
            .filter((question) => question.aspect === aspect)
            .map((question) => (
              <RadioGroup
                key={question.id}
                id={questionId(question.id)}
                label={localized(question.text)}
                description={question.help ? localized(question.help) : undefined}
                options={question.options.map((option, index) => ({
                  id: String(index),
                  label: localized(option.text),
                }))}
                value={answers[question.id] === undefined ? null : String(answers[question.id])}
                onChange={(value) => setAnswers({ ...answers, [question.id]: Number(value) })}
                errorMessage={checked && answers[question.id] === undefined ? m.answerError : null}
              />
            ))}
        </fieldset>
      ))}
      <TextField
        id={`${baseId}-legal`}
        label={m.legalBasesField}
        description={m.legalBasesHelp}
        value={legalBases}
        onChange={setLegalBases}
        multiline
      />
      <TextField
        id={`${baseId}-comment`}
        label={m.commentField}
        value={comment}
        onChange={setComment}
        multiline
      />
      {classify.isError && <ProblemAlert error={classify.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.submit}
        </Button>
      </div>
    </form>
  );
}

function TypeScreen({
  user,
  classification,
}: {
  user: SessionUser;
  classification: InformationTypeClassification;
}) {
  const { t } = useI18n();
  const m = t.portfolio.classification.type;
  const model = useClassificationModel();
  const mayClassify = useMayClassify(user, classification);
  const [message, setMessage] = useState<string | null>(null);
  const currentHeadingId = useId();
  const aspectName = (aspect: (typeof ASPECTS)[number]) => t.portfolio.terms.aspect[aspect];
  return (
    <>
      <LiveStatus message={message} />
      <div className="stack">
        <Section title={m.currentHeading} headingId={currentHeadingId}>
          <CurrentClassification classification={classification} model={model.data} />
        </Section>
        <Section title={m.systemsHeading}>
          {classification.systems.length === 0 ? (
            <p className="muted">{m.noSystems}</p>
          ) : (
            <ul className="record-list">
              {classification.systems.map((system) => (
                <li key={system.id}>
                  <span className="record-title">
                    <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
                  </span>
                  <span className="record-line">
                    {t.portfolio.system.security.columns.use}{' '}
                    {accessText(system, t.portfolio.system.security.uses, t.portfolio.system.security.noUse)}
                  </span>
                  <TierBadge tier={system.tier} />
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={m.formHeading}>
          {!mayClassify ? (
            <p>{m.notAllowed}</p>
          ) : model.isPending ? (
            <LoadingStatus />
          ) : model.isError ? (
            <ProblemAlert error={model.error} onRetry={() => void model.refetch()} />
          ) : (
            <Questionnaire
              key={classification.current?.id ?? 'none'}
              typeId={classification.informationType.id}
              model={model.data}
              current={classification.current}
              onSaved={(levels) => {
                setMessage(m.saved(levelsText(levels, aspectName)));
                requestAnimationFrame(() => document.getElementById(currentHeadingId)?.focus());
              }}
            />
          )}
        </Section>
        {classification.history.length > 1 && (
          <Section title={m.historyHeading}>
            <History history={classification.history} />
          </Section>
        )}
      </div>
    </>
  );
}

function TypeContent({ user }: { user: SessionUser }) {
  const { t, language } = useI18n();
  const m = t.portfolio.classification.type;
  const { informationTypeId = '' } = useParams();
  const classification = useInformationTypeClassification(informationTypeId);
  // Without access to the classification, the type's name still comes from the open list.
  const types = useInformationTypeList();
  const listed = types.data?.items.find((type) => type.id === informationTypeId);
  const type = classification.data?.informationType ?? listed;
  const title = type ? (language === 'en' ? type.nameEn : type.nameSv) : m.titleLoading;

  let body: ReactNode;
  if (classification.isPending) body = <LoadingStatus />;
  else if (classification.isError) {
    body =
      classification.error instanceof ApiError && classification.error.status === 403 ? (
        <p className="notice">{m.forbidden}</p>
      ) : (
        <ProblemAlert error={classification.error} onRetry={() => void classification.refetch()} />
      );
  } else body = <TypeScreen user={user} classification={classification.data} />;

  return (
    <Page title={title}>
      <PortfolioNav user={user} />
      <p className="back-link">
        <Link to={webPages.portfolioClassification}>{m.back}</Link>
      </p>
      {body}
    </Page>
  );
}

/** `/portfolj/informationsklassning/:informationTypeId`: a type's classification, history and questionnaire. */
export function InformationTypePage() {
  const { t } = useI18n();
  return (
    <RequirePermission
      title={t.portfolio.classification.type.titleLoading}
      permission="portfolio.read"
      realm="staff"
    >
      {(user) => <TypeContent user={user} />}
    </RequirePermission>
  );
}
