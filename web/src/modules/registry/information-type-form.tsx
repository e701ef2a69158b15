import { type InformationType, InformationTypeInput } from '@karna/contracts';
import { type FormEvent, type RefObject, useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { type Messages, useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ComboBox, type ComboBoxOption } from '../../ui/combo-box.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { PlacedOrgUnit } from '../identity/org-tree.ts';
import { OrgPath } from '../identity/org-tree-view.tsx';
import { useSaveInformationType } from './registry.api.ts';

interface ConceptDraft {
  /** Tells the rows apart while they are added and removed (not sent). */
  uid: number;
  term: string;
  definition: string;
}

interface Draft {
  key: string;
  nameSv: string;
  nameEn: string;
  description: string;
  sourceSystem: string;
  sourceSystemRef: string;
  stewardOrgUnitId: string | null;
  concepts: ConceptDraft[];
}

type TextFieldName = 'key' | 'nameSv' | 'nameEn' | 'description' | 'sourceSystem' | 'sourceSystemRef';
const MAX_CONCEPTS = 50;

let nextUid = 1;

function toDraft(type: InformationType | null): Draft {
  return {
    key: type?.key ?? '',
    nameSv: type?.nameSv ?? '',
    nameEn: type?.nameEn ?? '',
    description: type?.description ?? '',
    sourceSystem: type?.sourceSystem ?? '',
    sourceSystemRef: type?.sourceSystemRef ?? '',
    stewardOrgUnitId: type?.stewardOrgUnitId ?? null,
    concepts: (type?.concepts ?? []).map((concept) => ({ uid: nextUid++, ...concept })),
  };
}

function toInput(draft: Draft): unknown {
  return {
    key: draft.key.trim(),
    nameSv: draft.nameSv,
    nameEn: draft.nameEn,
    description: draft.description,
    sourceSystem: draft.sourceSystem,
    sourceSystemRef: draft.sourceSystemRef.trim() === '' ? null : draft.sourceSystemRef,
    stewardOrgUnitId: draft.stewardOrgUnitId,
    concepts: draft.concepts.map(({ term, definition }) => ({ term, definition })),
  };
}

/** The field an error belongs to: a top-level field, or a concept's term or definition. */
type ErrorPlace = { field: TextFieldName } | { concept: number; part: 'term' | 'definition' };

/**
 * Check the draft with the contract's own schema (what the server will check) and word each
 * problem for the person filling in the form.
 */
function validate(
  draft: Draft,
  t: Messages,
): { input: InformationTypeInput | null; errors: Map<string, string> } {
  const parsed = InformationTypeInput.safeParse(toInput(draft));
  const errors = new Map<string, string>();
  if (parsed.success) return { input: parsed.data, errors };
  const m = t.informationTypes;
  for (const issue of parsed.error.issues) {
    const [first, index, part] = issue.path;
    let place: ErrorPlace | null = null;
    if (first === 'concepts' && typeof index === 'number' && (part === 'term' || part === 'definition')) {
      place = { concept: index, part };
    } else if (
      typeof first === 'string' &&
      first in draft &&
      first !== 'concepts' &&
      first !== 'stewardOrgUnitId'
    ) {
      place = { field: first as TextFieldName };
    }
    if (!place) continue;
    const name = 'field' in place ? place.field : `concept-${place.concept}-${place.part}`;
    if (errors.has(name)) continue;
    let message: string;
    if (issue.code === 'too_big') message = m.tooLong(Number(issue.maximum));
    else if ('field' in place && place.field === 'key') message = m.keyInvalid;
    else if (issue.code === 'invalid_format') message = m.invalidCharacters;
    else if ('concept' in place) {
      message =
        place.part === 'term' ? m.termRequired(place.concept + 1) : m.definitionRequired(place.concept + 1);
    } else {
      const required: Record<TextFieldName, string> = {
        key: m.keyInvalid,
        nameSv: m.nameSvRequired,
        nameEn: m.nameEnRequired,
        description: m.descriptionRequired,
        sourceSystem: m.sourceSystemRequired,
        sourceSystemRef: m.invalidCharacters,
      };
      message = required[place.field];
    }
    errors.set(name, message);
  }
  return { input: null, errors };
}

/** The server's answer when the key is taken (409): shown at the key field, not as a general error. */
function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.problem.code === 'information_type_exists';
}

interface InformationTypeFormProps {
  /** The type to change, or null for a new one. */
  initial: InformationType | null;
  /** The org units to choose a steward among (null while they load or cannot be read). */
  units: readonly PlacedOrgUnit[] | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onSaved: (saved: InformationType) => void;
  onCancel: () => void;
}

/** Add or change an information type, with its concepts as a list of term and definition pairs. */
export function InformationTypeForm({
  initial,
  units,
  headingRef,
  onSaved,
  onCancel,
}: InformationTypeFormProps) {
  const { t, language } = useI18n();
  const m = t.informationTypes;
  const save = useSaveInformationType();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [failedSubmits, setFailedSubmits] = useState(0);
  // The key the server said is taken: the error stays until the key is changed.
  const [takenKey, setTakenKey] = useState<string | null>(null);
  const [focusConcept, setFocusConcept] = useState<number | null>(null);
  const base = useId();
  const fieldId = (name: string) => `${base}-${name}`;

  const unitOptions = useMemo<ComboBoxOption[]>(
    () =>
      (units ?? []).map(({ unit, ancestors }) => ({
        id: unit.id,
        label: unit.name,
        description: ancestors.length > 0 ? <OrgPath ancestors={ancestors} /> : undefined,
        searchText: [unit.shortName, ...ancestors].filter(Boolean).join(' '),
      })),
    [units],
  );

  // A concept just added: its term field takes focus.
  useEffect(() => {
    if (focusConcept === null) return;
    document.getElementById(`${base}-concept-uid-${focusConcept}-term`)?.focus();
    setFocusConcept(null);
  }, [focusConcept, base]);

  const { errors: allErrors } = validate(draft, t);
  const shown = failedSubmits > 0 ? allErrors : new Map<string, string>();
  if (takenKey !== null && draft.key.trim() === takenKey && !shown.has('key')) shown.set('key', m.keyTaken);

  const conceptFieldId = (concept: ConceptDraft, part: 'term' | 'definition') =>
    `${base}-concept-uid-${concept.uid}-${part}`;
  const summary: SummaryError[] = [];
  const textFields: TextFieldName[] = [
    'key',
    'nameSv',
    'nameEn',
    'description',
    'sourceSystem',
    'sourceSystemRef',
  ];
  for (const name of textFields) {
    const message = shown.get(name);
    if (message) summary.push({ fieldId: fieldId(name), message });
  }
  draft.concepts.forEach((concept, index) => {
    for (const part of ['term', 'definition'] as const) {
      const message = shown.get(`concept-${index}-${part}`);
      if (message) summary.push({ fieldId: conceptFieldId(concept, part), message });
    }
  });

  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const setConcept = (uid: number, change: Partial<ConceptDraft>) =>
    setDraft((current) => ({
      ...current,
      concepts: current.concepts.map((concept) =>
        concept.uid === uid ? { ...concept, ...change } : concept,
      ),
    }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const { input } = validate(draft, t);
    if (!input) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    save.mutate(
      { id: initial?.id ?? null, input },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!isConflict(error)) return;
          setTakenKey(input.key);
          setFailedSubmits((count) => count + 1);
        },
      },
    );
  };

  const text = (
    name: TextFieldName,
    label: string,
    options: { description?: string; multiline?: boolean } = {},
  ) => (
    <TextField
      id={fieldId(name)}
      label={label}
      description={options.description}
      value={draft[name]}
      onChange={(value) => set({ [name]: value } as Partial<Draft>)}
      errorMessage={shown.get(name)}
      isRequired={name !== 'sourceSystemRef'}
      multiline={options.multiline}
      autoComplete="off"
    />
  );

  const heading = initial
    ? m.editHeading(language === 'en' ? initial.nameEn : initial.nameSv)
    : m.createHeading;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      {save.isError && !isConflict(save.error) && <ProblemAlert error={save.error} />}
      {text('key', m.key, { description: m.keyHelp })}
      {text('nameSv', m.nameSv)}
      {text('nameEn', m.nameEn)}
      {text('description', m.description, { multiline: true })}
      {text('sourceSystem', m.sourceSystem, { description: m.sourceSystemHelp })}
      {text('sourceSystemRef', m.sourceSystemRef)}
      {units && (
        <ComboBox
          id={fieldId('steward')}
          label={m.steward}
          description={m.stewardHelp}
          options={unitOptions}
          value={draft.stewardOrgUnitId}
          onChange={(stewardOrgUnitId) => set({ stewardOrgUnitId })}
          emptyText={m.noUnitsFound}
        />
      )}
      <fieldset className="field concept-fields">
        <legend className="field-label">{m.concepts}</legend>
        <p className="field-description">{m.conceptsHelp}</p>
        {draft.concepts.length > 0 && (
          <ol className="concept-list">
            {draft.concepts.map((concept, index) => (
              <li key={concept.uid}>
                <fieldset className="concept">
                  <legend className="concept-legend">{m.concept(index + 1)}</legend>
                  <TextField
                    id={conceptFieldId(concept, 'term')}
                    label={m.term}
                    value={concept.term}
                    onChange={(term) => setConcept(concept.uid, { term })}
                    errorMessage={shown.get(`concept-${index}-term`)}
                    isRequired
                    autoComplete="off"
                  />
                  <TextField
                    id={conceptFieldId(concept, 'definition')}
                    label={m.definition}
                    value={concept.definition}
                    onChange={(definition) => setConcept(concept.uid, { definition })}
                    errorMessage={shown.get(`concept-${index}-definition`)}
                    isRequired
                    multiline
                  />
                  <div>
                    <Button
                      size="small"
                      variant="danger"
                      onPress={() => {
                        set({ concepts: draft.concepts.filter((other) => other.uid !== concept.uid) });
                        document.getElementById(fieldId('add-concept'))?.focus();
                      }}
                    >
                      {m.removeConcept}
                      <span className="visually-hidden">{m.removeConceptHidden(index + 1)}</span>
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
        {draft.concepts.length < MAX_CONCEPTS && (
          <div>
            <Button
              id={fieldId('add-concept')}
              size="small"
              onPress={() => {
                const uid = nextUid++;
                set({ concepts: [...draft.concepts, { uid, term: '', definition: '' }] });
                setFocusConcept(uid);
              }}
            >
              {m.addConcept}
            </Button>
          </div>
        )}
      </fieldset>
      <div className="button-row">
        {/* Not `isPending`: React Aria's announcement of it would point at a button gone once saved. */}
        <Button type="submit" variant="primary">
          {save.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={onCancel}>{m.cancel}</Button>
      </div>
    </form>
  );
}
