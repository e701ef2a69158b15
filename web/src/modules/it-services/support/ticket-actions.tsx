import type { SupportLine, Ticket } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { RadioGroup } from '../../../ui/radio-group.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { Checkbox } from '../../cases/case-fields.tsx';
import { useTicketAction } from './support.api.ts';

/**
 * The answer box under a ticket. The reporter answers (on a resolved ticket the answer reopens it,
 * and the box says so); the IT department answers too, or writes an internal note.
 */
export function AnswerForm({
  ticket,
  isIt,
  onDone,
}: {
  ticket: Ticket;
  isIt: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const m = t.itSupport.ticket.answer;
  const action = useTicketAction(ticket.id);
  const ids = { heading: useId(), text: useId(), internal: useId() };
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [checked, setChecked] = useState(false);
  const reopens = ticket.status === 'resolved' && !isIt;
  const fieldError = checked && (!text.trim() || text.trim().length > 4000) ? m.error : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!text.trim() || text.trim().length > 4000) {
      document.getElementById(ids.text)?.focus();
      return;
    }
    if (action.isPending) return;
    action.mutate(
      { kind: 'comments', text: text.trim(), internal: isIt && internal },
      {
        onSuccess: () => {
          setText('');
          setChecked(false);
          setInternal(false);
          onDone(isIt && internal ? m.doneNote : reopens ? m.doneReopened : m.done);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{m.heading}</h2>
      {reopens && <p className="notice">{m.reopenHelp}</p>}
      <TextField
        id={ids.text}
        label={m.text}
        description={isIt ? undefined : m.textHelp}
        value={text}
        onChange={(value) => {
          setText(value);
          action.reset();
        }}
        errorMessage={fieldError}
        multiline
        isRequired
      />
      {isIt && (
        <Checkbox
          id={ids.internal}
          label={m.internal}
          description={m.internalHelp}
          checked={internal}
          onChange={setInternal}
        />
      )}
      {action.isError && <ProblemAlert error={action.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {isIt && internal ? m.submitNote : reopens ? m.submitReopen : m.submit}
        </Button>
      </div>
    </form>
  );
}

type Mode = 'escalate' | 'resolve';
const LINES: readonly SupportLine[] = [1, 2, 3];

/**
 * The IT department's handling of an open ticket: take it, escalate it to another line with a
 * note, or resolve it with what was done. Escalating and resolving open a small form in place;
 * focus goes into it, and back to the buttons when it closes.
 */
export function HandleTicket({ ticket, onDone }: { ticket: Ticket; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.itSupport.ticket.handle;
  const terms = t.itSupport.terms;
  const action = useTicketAction(ticket.id);
  const ids = { heading: useId(), form: useId(), line: useId(), text: useId(), buttons: useId() };
  const [mode, setMode] = useState<Mode | null>(null);
  const [line, setLine] = useState<SupportLine | null>(null);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const moved = useRef<'opened' | 'closed' | null>(null);
  useEffect(() => {
    if (moved.current === 'opened' && mode !== null)
      document.getElementById(mode === 'escalate' ? ids.line : ids.text)?.focus();
    if (moved.current === 'closed' && mode === null)
      document.getElementById(ids.buttons)?.querySelector<HTMLElement>('button')?.focus();
    moved.current = null;
  }, [mode, ids.line, ids.text, ids.buttons]);

  const open = (next: Mode) => {
    action.reset();
    setChecked(false);
    setText('');
    setLine(null);
    moved.current = 'opened';
    setMode(next);
  };
  const close = () => {
    moved.current = 'closed';
    setMode(null);
  };
  const finish = (message: string) => {
    setMode(null);
    onDone(message);
  };

  if (mode === null) {
    return (
      <section className="card" aria-labelledby={ids.heading}>
        <h2 id={ids.heading}>{m.heading}</h2>
        <div id={ids.buttons} className="button-row">
          {ticket.status === 'new' || ticket.assignee === null ? (
            <Button
              variant="primary"
              onPress={() => {
                if (!action.isPending)
                  action.mutate({ kind: 'take' }, { onSuccess: () => onDone(m.done.taken) });
              }}
            >
              {m.take}
            </Button>
          ) : null}
          <Button onPress={() => open('escalate')}>{m.escalate}</Button>
          <Button onPress={() => open('resolve')}>{m.resolve}</Button>
        </div>
        {action.isError && <ProblemAlert error={action.error} />}
      </section>
    );
  }

  const max = mode === 'escalate' ? 2000 : 4000;
  const lineError = checked && mode === 'escalate' && !line ? m.errors.line : null;
  const textError =
    checked && (!text.trim() || text.trim().length > max)
      ? mode === 'escalate'
        ? m.errors.note
        : m.errors.resolution
      : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const lineMissing = mode === 'escalate' && !line;
    const textBad = !text.trim() || text.trim().length > max;
    if (lineMissing || textBad) {
      document.getElementById(lineMissing ? ids.line : ids.text)?.focus();
      return;
    }
    if (action.isPending) return;
    if (mode === 'escalate' && line)
      action.mutate(
        { kind: 'escalate', line, note: text.trim() },
        { onSuccess: () => finish(m.done.escalated(terms.line[line])) },
      );
    else
      action.mutate(
        { kind: 'resolve', resolution: text.trim() },
        { onSuccess: () => finish(m.done.resolved) },
      );
  };
  const lines = LINES.filter((value) => value !== ticket.line);

  return (
    <section className="card" aria-labelledby={ids.form}>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.form}>
        <h2 id={ids.form}>{mode === 'escalate' ? m.escalateHeading : m.resolveHeading}</h2>
        {mode === 'escalate' && (
          <RadioGroup
            id={ids.line}
            label={m.line}
            options={lines.map((value) => ({ id: String(value), label: terms.line[value] }))}
            value={line ? String(line) : null}
            onChange={(value) => setLine(Number(value) as SupportLine)}
            errorMessage={lineError}
          />
        )}
        <TextField
          id={ids.text}
          label={mode === 'escalate' ? m.note : m.resolution}
          description={mode === 'escalate' ? m.noteHelp : m.resolutionHelp}
          value={text}
          onChange={(value) => {
            setText(value);
            action.reset();
          }}
          errorMessage={textError}
          multiline
          isRequired
        />
        {action.isError && <ProblemAlert error={action.error} />}
        <div className="button-row">
          <Button type="submit" variant="primary">
            {mode === 'escalate' ? m.confirmEscalate : m.confirmResolve}
          </Button>
          <Button onPress={close}>{m.close}</Button>
        </div>
      </form>
    </section>
  );
}
