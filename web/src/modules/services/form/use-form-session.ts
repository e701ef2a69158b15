import {
  type Draft,
  type FormData,
  type FormDefinition,
  pathTo,
  type ServiceForm,
  type ServicePrefill,
  type SubmitResponse,
} from '@karna/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDraftActions } from '../services.api.ts';
import type { AttachedFile } from './attachment-field.tsx';
import { friendlyMessage } from './error-messages.ts';
import {
  answersToSend,
  fieldOfServerPath,
  fieldsByName,
  firstErrorByField,
  isEmptyValue,
  visibleFields,
} from './form-model.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import type { Validate } from './schema-validator.ts';

/** Where the person is: on a step (maybe come from the review to change it), or on the review. */
export type Position = { kind: 'step'; index: number; fromReview: boolean } | { kind: 'review' };

/** What the receipt page is handed in the router's state after a submission. */
export interface ReceiptState {
  submitted: SubmitResponse;
  serviceTitle: ServiceForm['title'];
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; forLater: boolean }
  | { kind: 'failed' };

/** The answers a new form starts with: the contact details the register has (B3), nothing else. */
export function initialData(form: FormDefinition, prefill: ServicePrefill | null): FormData {
  const data: FormData = {};
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (field.prefill === 'email' && prefill?.email) data[field.name] = prefill.email;
      if (field.prefill === 'phone' && prefill?.phone) data[field.name] = prefill.phone;
    }
  }
  return data;
}

/** A draft's answers without the empty ones: what is worth keeping. */
function compact(data: FormData): FormData {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isEmptyValue(value)));
}

/**
 * The state of one person filling in one e-service: answers, files, where they are, the draft on
 * the server (created on the first save or upload, saved on every step change), the form's checks
 * per step, and submitting with an idempotency key kept across retries.
 */
export function useFormSession(service: ServiceForm, validate: Validate | null) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const actions = useDraftActions();
  const form = service.form;
  const fieldIndex = useMemo(() => fieldsByName(form), [form]);

  const [data, setData] = useState<FormData>({});
  const [files, setFiles] = useState<AttachedFile[]>([]);
  const [position, setPosition] = useState<Position>({ kind: 'step', index: 0, fromReview: false });
  const [draftVersion, setDraftVersion] = useState<number | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [errorFocusKey, setErrorFocusKey] = useState(0);
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [submitError, setSubmitError] = useState<{ error: unknown; canRetry: boolean } | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const draftId = useRef<string | null>(null);
  const creating = useRef<Promise<string> | null>(null);
  const idempotencyKey = useRef<string | null>(null);
  // The latest answers, for saves started from callbacks that closed over older ones.
  const latestData = useRef<FormData>(data);
  latestData.current = data;

  /** Begin: from a saved draft, or with fresh answers. */
  const begin = useCallback(
    (draft: Draft | null, fresh: FormData) => {
      draftId.current = draft?.id ?? null;
      setDraftVersion(draft?.version ?? null);
      const attached = draft?.attachments ?? [];
      setFiles(attached);
      // An attachment field holds the ids of files still on the draft, nothing else.
      const startData = draft ? { ...draft.data } : fresh;
      for (const [name, entry] of fieldIndex) {
        if (entry.field.widget !== 'attachment' || !Array.isArray(startData[name])) continue;
        startData[name] = (startData[name] as unknown[]).filter((id) =>
          attached.some((file) => file.id === id),
        );
      }
      setData(startData);
      const index = draft?.step ? form.steps.findIndex((step) => step.id === draft.step) : 0;
      setPosition({ kind: 'step', index: Math.max(index, 0), fromReview: false });
    },
    [fieldIndex, form.steps],
  );

  const ensureDraft = useCallback(async (): Promise<string> => {
    if (draftId.current) return draftId.current;
    creating.current ??= actions
      .create(service.slug)
      .then((draft) => {
        draftId.current = draft.id;
        setDraftVersion(draft.version);
        return draft.id;
      })
      .finally(() => {
        creating.current = null;
      });
    return creating.current;
  }, [actions, service.slug]);

  const stepIdAt = (target: Position) =>
    target.kind === 'step' ? (form.steps[target.index]?.id ?? null) : (form.steps.at(-1)?.id ?? null);

  const save = useCallback(
    async (stepId: string | null, forLater: boolean) => {
      setSaveState({ kind: 'saving' });
      try {
        const id = await ensureDraft();
        const saved = await actions.save(id, { data: compact(latestData.current), step: stepId });
        setSaveState({ kind: 'saved', at: saved.updatedAt, forLater });
      } catch {
        setSaveState({ kind: 'failed' });
      }
    },
    [actions, ensureDraft],
  );

  /** The friendly message of each field among `names` whose answer breaks a rule, and the server's. */
  const messagesFor = (names: ReadonlySet<string>, answers: FormData = data): Map<string, string> => {
    const result = new Map<string, string>();
    if (validate) {
      const errors = validate(answersToSend(form, answers));
      for (const [name, error] of firstErrorByField(errors, names)) {
        const entry = fieldIndex.get(name);
        if (entry) result.set(name, friendlyMessage(error, entry.field, t.services.errors, locale));
      }
    }
    for (const [name, message] of serverErrors)
      if (names.has(name) && !result.has(name)) result.set(name, message);
    return result;
  };

  const currentStep = position.kind === 'step' ? form.steps[position.index] : undefined;
  const stepNames = new Set(currentStep ? visibleFields(currentStep, data).map((field) => field.name) : []);
  const stepErrors = showErrors
    ? messagesFor(stepNames)
    : new Map([...serverErrors].filter(([name]) => stepNames.has(name)));

  const moveTo = (target: Position) => {
    setShowErrors(false);
    setSubmitError(null);
    setPosition(target);
    void save(stepIdAt(target), false);
  };

  const setField = (name: string, value: unknown) => {
    setData((current) => ({ ...current, [name]: value }));
    if (serverErrors.has(name)) {
      setServerErrors((current) => new Map([...current].filter(([key]) => key !== name)));
    }
  };

  /** "Nästa": check the step's shown fields; go on only when they pass. */
  const next = () => {
    if (position.kind !== 'step') return;
    if (messagesFor(stepNames).size > 0) {
      setShowErrors(true);
      setErrorFocusKey((key) => key + 1);
      return;
    }
    const isLast = position.index >= form.steps.length - 1;
    moveTo(
      position.fromReview || isLast
        ? { kind: 'review' }
        : { kind: 'step', index: position.index + 1, fromReview: false },
    );
  };

  const previous = () => {
    if (position.kind === 'review') moveTo({ kind: 'step', index: form.steps.length - 1, fromReview: false });
    else if (position.index > 0) moveTo({ kind: 'step', index: position.index - 1, fromReview: false });
  };

  const edit = (index: number) => moveTo({ kind: 'step', index, fromReview: true });

  /** Show the first step with an error, with its errors (and the summary focused). */
  const showFirstStepWithErrors = (errors: ReadonlyMap<string, string>): boolean => {
    const index = form.steps.findIndex((step) => step.fields.some((field) => errors.has(field.name)));
    if (index < 0) return false;
    setPosition({ kind: 'step', index, fromReview: true });
    setShowErrors(true);
    setErrorFocusKey((key) => key + 1);
    return true;
  };

  const submit = async () => {
    const allNames = new Set(
      form.steps.flatMap((step) => visibleFields(step, data).map((field) => field.name)),
    );
    const errors = messagesFor(allNames);
    if (errors.size > 0) {
      showFirstStepWithErrors(errors);
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    // One key per submit attempt, kept when the answer never came, so a retry cannot make a second case.
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const id = await ensureDraft();
      const submitted = await actions.submit(id, service.slug, {
        idempotencyKey: idempotencyKey.current,
        data: answersToSend(form, data),
      });
      const state: ReceiptState = { submitted, serviceTitle: service.title };
      navigate(pathTo('serviceReceipt', { caseId: submitted.caseId }), { state });
    } catch (error) {
      const isUnanswered = error instanceof ApiError && (error.status === 0 || error.status >= 500);
      if (!isUnanswered) idempotencyKey.current = null;
      if (error instanceof ApiError && error.problem.code === 'validation_failed') {
        const fromServer = new Map<string, string>();
        for (const fieldError of error.problem.errors ?? []) {
          const name = fieldOfServerPath(fieldError.path);
          if (name && fieldIndex.has(name) && !fromServer.has(name)) fromServer.set(name, fieldError.message);
        }
        setServerErrors(fromServer);
        // Prefer our own words for a rule the form's check also finds.
        const friendly = messagesFor(new Set(fromServer.keys()));
        for (const [name, message] of fromServer) if (!friendly.has(name)) friendly.set(name, message);
        if (showFirstStepWithErrors(friendly)) return;
      }
      setSubmitError({ error, canRetry: isUnanswered });
    } finally {
      setSubmitting(false);
    }
  };

  const attachments = {
    files: (field: string) => files.filter((file) => file.field === field),
    upload: async (field: string, file: File) => {
      const id = await ensureDraft();
      const uploaded = await actions.upload(id, field, file);
      setFiles((current) => [...current, uploaded]);
      const current = latestData.current[field];
      const nextData = {
        ...latestData.current,
        [field]: [...(Array.isArray(current) ? current : []), uploaded.id],
      };
      latestData.current = nextData;
      setData(nextData);
      setServerErrors((errors) => new Map([...errors].filter(([key]) => key !== field)));
      void save(stepIdAt(position), false);
      return uploaded;
    },
    remove: async (field: string, file: AttachedFile) => {
      const id = await ensureDraft();
      await actions.removeAttachment(id, file.id);
      setFiles((current) => current.filter((other) => other.id !== file.id));
      const current = latestData.current[field];
      const nextData = {
        ...latestData.current,
        [field]: (Array.isArray(current) ? current : []).filter((other) => other !== file.id),
      };
      latestData.current = nextData;
      setData(nextData);
      void save(stepIdAt(position), false);
    },
  };

  return {
    form,
    data,
    files,
    position,
    draftVersion,
    stepErrors,
    errorFocusKey,
    saveState,
    submitError,
    isSubmitting,
    begin,
    setField,
    next,
    previous,
    edit,
    submit,
    saveForLater: () => void save(stepIdAt(position), true),
    attachments,
  };
}

export type FormSession = ReturnType<typeof useFormSession>;
