import { lookupPurposes } from '@karna/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { isLookupPurpose, type PurposeDraft, type PurposeErrors } from './lookup-purpose.ts';

interface PurposeFieldsProps {
  /** Ids of the first radio button and of the text field, for the error summary's links. */
  ids: { purpose: string; purposeText: string };
  value: PurposeDraft;
  onChange: (value: PurposeDraft) => void;
  /** Errors to show (after a submit). */
  errors: PurposeErrors | null;
}

/** Why the officer looks someone up: one of the purposes, and a case number or explanation. */
export function PurposeFields({ ids, value, onChange, errors }: PurposeFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <RadioGroup
        id={ids.purpose}
        label={t.personSearch.purpose}
        description={t.personSearch.purposeHelp}
        options={lookupPurposes.map((id) => ({ id, label: t.lookupPurposes[id] }))}
        value={value.purpose}
        onChange={(purpose) => {
          if (isLookupPurpose(purpose)) onChange({ ...value, purpose });
        }}
        errorMessage={errors?.purpose}
      />
      <TextField
        id={ids.purposeText}
        label={t.personSearch.purposeText}
        description={t.personSearch.purposeTextHelp}
        value={value.purposeText}
        onChange={(purposeText) => onChange({ ...value, purposeText })}
        errorMessage={errors?.purposeText}
        isRequired={value.purpose === 'other'}
      />
    </>
  );
}
