import { type RegistryPerson, UpdateContactRequest } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useUpdateContact } from './me.api.ts';

interface ContactDraft {
  phone: string;
  email: string;
}

/** An empty field removes the detail; anything else must pass the contract's check. */
function check(draft: ContactDraft) {
  const phone = UpdateContactRequest.shape.phone.safeParse(draft.phone.trim() === '' ? null : draft.phone);
  const email = UpdateContactRequest.shape.email.safeParse(
    draft.email.trim() === '' ? null : draft.email.trim(),
  );
  return {
    phoneOk: phone.success,
    emailOk: email.success,
    request: phone.success && email.success ? { phone: phone.data, email: email.data } : null,
  };
}

/** The citizen's own phone number and e-mail address, which they correct themself. */
export function ContactForm({ person }: { person: RegistryPerson }) {
  const { t } = useI18n();
  const m = t.myDetails;
  const update = useUpdateContact();
  const [draft, setDraft] = useState<ContactDraft>({
    phone: person.contact.phone ?? '',
    email: person.contact.email ?? '',
  });
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const phoneId = useId();
  const emailId = useId();

  const checked = check(draft);
  const phoneError = failedSubmits > 0 && !checked.phoneOk ? m.phoneInvalid : null;
  const emailError = failedSubmits > 0 && !checked.emailOk ? m.emailInvalid : null;
  const errors: SummaryError[] = [];
  if (phoneError) errors.push({ fieldId: phoneId, message: phoneError });
  if (emailError) errors.push({ fieldId: emailId, message: emailError });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const { request } = check(draft);
    if (!request) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    update.mutate(request, {
      onSuccess: (saved) => {
        setDraft({ phone: saved.contact.phone ?? '', email: saved.contact.email ?? '' });
        setMessage(m.saved);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <LiveStatus message={message} />
      <ErrorSummary title={t.common.errorSummaryTitle} errors={errors} focusKey={failedSubmits} />
      {update.isError && <ProblemAlert error={update.error} />}
      <TextField
        id={phoneId}
        label={m.phone}
        description={m.phoneHelp}
        value={draft.phone}
        onChange={(phone) => setDraft((current) => ({ ...current, phone }))}
        errorMessage={phoneError}
        type="tel"
        autoComplete="tel"
        size="medium"
      />
      <TextField
        id={emailId}
        label={m.email}
        description={m.emailHelp}
        value={draft.email}
        onChange={(email) => setDraft((current) => ({ ...current, email }))}
        errorMessage={emailError}
        type="email"
        autoComplete="email"
      />
      <div className="button-row">
        <Button type="submit" variant="primary" isPending={update.isPending}>
          {update.isPending ? m.saving : m.save}
        </Button>
      </div>
    </form>
  );
}
