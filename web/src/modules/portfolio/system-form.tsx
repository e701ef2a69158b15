import {
  Hosting,
  type OrgUnit,
  SupportKind,
  SystemCategory,
  type SystemDetail,
  type SystemInput,
} from '@karna/contracts';
import { useId, useMemo } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { SummaryError } from '../../ui/error-summary.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Checkbox } from '../cases/case-fields.tsx';
import { buildOrgTree, placeOrgUnits } from '../identity/org-tree.ts';
import type { SystemMessages } from './system.messages.ts';

// The facts of a system as a form: shared by "Registrera system" and the system page's
// "Ändra uppgifter". The criticality, override and fit have forms of their own on the system page.

/** The form's values: text fields as typed, the rest as chosen. */
export interface SystemDraft {
  name: string;
  description: string;
  purpose: string;
  category: SystemCategory;
  supportKind: SupportKind;
  owningBoardId: string | null;
  usedByOrgUnitIds: string[];
  userCount: string;
  supplier: string;
  contractReference: string;
  hosting: Hosting;
  technicalPlatform: string;
  documentationUrl: string;
  loginUrl: string;
  singleSignOn: boolean;
  centralAccessAdministration: boolean;
}

export const emptyDraft: SystemDraft = {
  name: '',
  description: '',
  purpose: '',
  category: 'department',
  supportKind: 'basic',
  owningBoardId: null,
  usedByOrgUnitIds: [],
  userCount: '',
  supplier: '',
  contractReference: '',
  hosting: 'ownDataCentre',
  technicalPlatform: '',
  documentationUrl: '',
  loginUrl: '',
  singleSignOn: false,
  centralAccessAdministration: false,
};

/** A system's facts as the form shows them. */
export function draftOf(system: SystemDetail): SystemDraft {
  return {
    name: system.name,
    description: system.description,
    purpose: system.purpose,
    category: system.category,
    supportKind: system.supportKind,
    owningBoardId: system.owningBoard.id,
    usedByOrgUnitIds: system.usedBy.map((unit) => unit.id),
    userCount: system.userCount === null ? '' : String(system.userCount),
    supplier: system.supplier ?? '',
    contractReference: system.contractReference ?? '',
    hosting: system.hosting,
    technicalPlatform: system.technicalPlatform ?? '',
    documentationUrl: system.documentationUrl ?? '',
    loginUrl: system.loginUrl ?? '',
    singleSignOn: system.singleSignOn,
    centralAccessAdministration: system.centralAccessAdministration,
  };
}

/**
 * The whole SystemInput the PUT takes, as the system is now: each form on the system page changes
 * its own part of it and sends the rest unchanged.
 */
export function systemInputOf(system: SystemDetail): SystemInput {
  return {
    ...factsOf(draftOf(system)),
    criticality: system.criticality,
    tierOverride: system.tierOverride,
    fit: system.fit,
  };
}

const optional = (value: string) => value.trim() || null;

/** The facts part of a SystemInput from a checked draft. */
export function factsOf(draft: SystemDraft): Omit<SystemInput, 'criticality' | 'tierOverride' | 'fit'> {
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    purpose: draft.purpose.trim(),
    category: draft.category,
    supportKind: draft.supportKind,
    owningBoardId: draft.owningBoardId ?? '',
    usedByOrgUnitIds: draft.usedByOrgUnitIds,
    userCount: draft.userCount.trim() ? Number(draft.userCount.replace(/\s/g, '')) : null,
    supplier: optional(draft.supplier),
    contractReference: optional(draft.contractReference),
    hosting: draft.hosting,
    technicalPlatform: optional(draft.technicalPlatform),
    documentationUrl: optional(draft.documentationUrl),
    loginUrl: optional(draft.loginUrl),
    singleSignOn: draft.singleSignOn,
    centralAccessAdministration: draft.centralAccessAdministration,
  };
}

function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

export type DraftErrors = Partial<
  Record<
    'name' | 'description' | 'purpose' | 'owningBoard' | 'userCount' | 'documentationUrl' | 'loginUrl',
    string
  >
>;

/** What is wrong with the draft, field by field, in the form's words. */
export function draftErrors(draft: SystemDraft, m: SystemMessages['form']): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = m.errors.name;
  if (!draft.description.trim()) errors.description = m.errors.description;
  if (!draft.purpose.trim()) errors.purpose = m.errors.purpose;
  if (!draft.owningBoardId) errors.owningBoard = m.errors.owningBoard;
  const users = draft.userCount.replace(/\s/g, '');
  if (users && !/^\d{1,8}$/.test(users)) errors.userCount = m.errors.userCount;
  if (draft.documentationUrl.trim() && !isWebAddress(draft.documentationUrl.trim()))
    errors.documentationUrl = m.errors.url;
  if (draft.loginUrl.trim() && !isWebAddress(draft.loginUrl.trim())) errors.loginUrl = m.errors.url;
  return errors;
}

export interface FieldIds {
  name: string;
  description: string;
  purpose: string;
  owningBoard: string;
  userCount: string;
  documentationUrl: string;
  loginUrl: string;
}

/** The ids of the fields an error can point at, for the error summary's links. */
export function useFieldIds(): FieldIds {
  return {
    name: useId(),
    description: useId(),
    purpose: useId(),
    owningBoard: useId(),
    userCount: useId(),
    documentationUrl: useId(),
    loginUrl: useId(),
  };
}

/** The error summary's entries, in the order of the fields. */
export function summaryOf(errors: DraftErrors, ids: FieldIds): SummaryError[] {
  return (Object.keys(ids) as (keyof FieldIds)[])
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: ids[field], message: errors[field] ?? '' }));
}

/** The units a system can be used by, in the organisation's order, each with its depth. */
function usePlacedUnits(units: readonly OrgUnit[] | null) {
  return useMemo(() => (units ? placeOrgUnits(buildOrgTree(units)) : null), [units]);
}

interface SystemFieldsProps {
  draft: SystemDraft;
  onChange: (draft: SystemDraft) => void;
  errors: DraftErrors;
  ids: FieldIds;
  /** The organisation, when the user may read it; without it boards and units cannot be changed. */
  units: readonly OrgUnit[] | null;
  /** Only the IT department changes the owning board. */
  canChangeBoard: boolean;
  /** The names shown when the organisation cannot be read. */
  current?: { owningBoardName: string; usedByNames: string[] };
}

/** The facts of a system as form fields. */
export function SystemFields({
  draft,
  onChange,
  errors,
  ids,
  units,
  canChangeBoard,
  current,
}: SystemFieldsProps) {
  const { t } = useI18n();
  const m = t.portfolio.system.form;
  const terms = t.portfolio.terms;
  const facts = t.portfolio.system.facts;
  const placed = usePlacedUnits(units);
  const radioIds = { category: useId(), supportKind: useId(), hosting: useId() };
  const checkboxIds = { sso: useId(), access: useId() };
  const usedById = useId();
  const set = <K extends keyof SystemDraft>(key: K, value: SystemDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const boards = (units ?? [])
    .filter((unit) => unit.kind === 'board')
    .map((unit) => ({ id: unit.id, label: unit.name }));

  return (
    <>
      <TextField
        id={ids.name}
        label={m.name}
        value={draft.name}
        onChange={(value) => set('name', value)}
        errorMessage={errors.name}
        isRequired
      />
      <TextField
        id={ids.description}
        label={m.description}
        description={m.descriptionHelp}
        value={draft.description}
        onChange={(value) => set('description', value)}
        errorMessage={errors.description}
        isRequired
        multiline
      />
      <TextField
        id={ids.purpose}
        label={m.purpose}
        description={m.purposeHelp}
        value={draft.purpose}
        onChange={(value) => set('purpose', value)}
        errorMessage={errors.purpose}
        isRequired
        multiline
      />
      {canChangeBoard && units ? (
        <Select
          id={ids.owningBoard}
          label={m.owningBoard}
          description={m.owningBoardHelp}
          placeholder={m.chooseBoard}
          options={boards}
          value={draft.owningBoardId}
          onChange={(value) => set('owningBoardId', value)}
          errorMessage={errors.owningBoard}
          isRequired
        />
      ) : (
        <div className="field">
          <p className="field-label">{m.owningBoard}</p>
          <p className="field-description">{m.owningBoardHelp}</p>
          <p>{current?.owningBoardName}</p>
        </div>
      )}
      {placed ? (
        <fieldset className="field unit-choices" aria-describedby={`${usedById}-hint`}>
          <legend className="field-label">{m.usedBy}</legend>
          <p id={`${usedById}-hint`} className="field-description">
            {m.usedByHelp}
          </p>
          <div className="unit-choice-list">
            {placed.map(({ unit, ancestors }) => (
              <div key={unit.id} style={{ paddingInlineStart: `${ancestors.length * 0.75}rem` }}>
                <Checkbox
                  id={`${usedById}-${unit.id}`}
                  label={unit.name}
                  checked={draft.usedByOrgUnitIds.includes(unit.id)}
                  onChange={(checked) =>
                    set(
                      'usedByOrgUnitIds',
                      checked
                        ? [...draft.usedByOrgUnitIds, unit.id]
                        : draft.usedByOrgUnitIds.filter((id) => id !== unit.id),
                    )
                  }
                />
              </div>
            ))}
          </div>
        </fieldset>
      ) : (
        <div className="field">
          <p className="field-label">{m.usedBy}</p>
          <p>{current?.usedByNames.join(', ') || facts.nobody}</p>
        </div>
      )}
      <RadioGroup
        id={radioIds.category}
        label={facts.category}
        options={SystemCategory.options.map((category) => ({
          id: category,
          label: terms.category[category],
        }))}
        value={draft.category}
        onChange={(value) => set('category', value as SystemCategory)}
        inline
      />
      <RadioGroup
        id={radioIds.supportKind}
        label={facts.supportKind}
        description={terms.innovationOverdueHelp}
        options={SupportKind.options.map((kind) => ({ id: kind, label: terms.supportKind[kind] }))}
        value={draft.supportKind}
        onChange={(value) => set('supportKind', value as SupportKind)}
        inline
      />
      <TextField
        id={ids.userCount}
        label={m.userCount}
        value={draft.userCount}
        onChange={(value) => set('userCount', value)}
        errorMessage={errors.userCount}
        inputMode="numeric"
        size="short"
      />
      <TextField
        id={`${ids.name}-supplier`}
        label={m.supplier}
        value={draft.supplier}
        onChange={(value) => set('supplier', value)}
        size="medium"
      />
      <TextField
        id={`${ids.name}-contract`}
        label={m.contractReference}
        description={m.contractReferenceHelp}
        value={draft.contractReference}
        onChange={(value) => set('contractReference', value)}
        size="medium"
      />
      <RadioGroup
        id={radioIds.hosting}
        label={facts.hosting}
        options={Hosting.options.map((hosting) => ({ id: hosting, label: terms.hosting[hosting] }))}
        value={draft.hosting}
        onChange={(value) => set('hosting', value as Hosting)}
        inline
      />
      <TextField
        id={`${ids.name}-platform`}
        label={m.technicalPlatform}
        value={draft.technicalPlatform}
        onChange={(value) => set('technicalPlatform', value)}
      />
      <TextField
        id={ids.documentationUrl}
        label={m.documentationUrl}
        description={m.urlHelp}
        value={draft.documentationUrl}
        onChange={(value) => set('documentationUrl', value)}
        errorMessage={errors.documentationUrl}
        type="text"
        inputMode="text"
      />
      <TextField
        id={ids.loginUrl}
        label={m.loginUrl}
        description={m.urlHelp}
        value={draft.loginUrl}
        onChange={(value) => set('loginUrl', value)}
        errorMessage={errors.loginUrl}
      />
      <Checkbox
        id={checkboxIds.sso}
        label={m.singleSignOn}
        checked={draft.singleSignOn}
        onChange={(value) => set('singleSignOn', value)}
      />
      <Checkbox
        id={checkboxIds.access}
        label={m.centralAccessAdministration}
        checked={draft.centralAccessAdministration}
        onChange={(value) => set('centralAccessAdministration', value)}
      />
    </>
  );
}
