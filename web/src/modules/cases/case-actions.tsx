import type { CaseView } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useCaseCommand } from './cases.api.ts';

// The case screen's commands beside the tasks: internal notes, secrecy and closing the case.

/** Internal notes, newest first, and (with `can.handle`) a form to add one. */
export function NotesSection({ view }: { view: CaseView }) {
  const { t, locale } = useI18n();
  const m = t.cases.notes;
  const headingId = useId();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const note = useCaseCommand(view.id);
  const notes = [...view.notes].sort((a, b) => b.at.localeCompare(a.at));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(m.writeSomething);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setMessage(null);
    note.mutate(
      { kind: 'note', body: { text: text.trim() } },
      {
        onSuccess: () => {
          setText('');
          setMessage(m.saved);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      {view.can.handle && (
        <form onSubmit={submit} noValidate className="form note-form">
          <TextField
            id={fieldId}
            label={m.add}
            description={m.addHelp}
            value={text}
            onChange={(value) => {
              setText(value);
              setError(null);
            }}
            errorMessage={error}
            isRequired
            multiline
          />
          {note.isError && <ProblemAlert error={note.error} />}
          <div className="button-row">
            <Button type="submit" isPending={note.isPending}>
              {note.isPending ? m.saving : m.save}
            </Button>
          </div>
          <LiveStatus message={message} />
        </form>
      )}
      {notes.length === 0 ? (
        <EmptyState>{m.none}</EmptyState>
      ) : (
        <ul className="record-list note-list" aria-label={m.heading}>
          {notes.map((item) => (
            <li key={item.id}>
              <span className="note-marker">{m.marker}</span>
              <p className="pre-line note-text">{item.text}</p>
              <p className="record-line">{m.byline(item.author, formatDateTime(item.at, locale))}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Marking the case secret (OSL), with the ground if given, or taking the marking away (`can.markSecret`). */
export function SecrecySection({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const m = t.cases.secrecy;
  const headingId = useId();
  const groundId = useId();
  const toggleRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [ground, setGround] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [focusToggle, setFocusToggle] = useState(false);
  const secrecy = useCaseCommand(view.id);

  useEffect(() => {
    if (open) document.getElementById(groundId)?.focus();
  }, [open, groundId]);
  useEffect(() => {
    if (!focusToggle) return;
    setFocusToggle(false);
    toggleRef.current?.querySelector('button')?.focus();
  }, [focusToggle]);

  const send = (secret: boolean) => {
    if (secrecy.isPending) return;
    secrecy.mutate(
      { kind: 'secrecy', body: secret && ground.trim() ? { secret, ground: ground.trim() } : { secret } },
      {
        onSuccess: () => {
          setOpen(false);
          setGround('');
          setMessage(secret ? m.marked : m.unmarked);
          setFocusToggle(true);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p>{view.secret ? m.isSecret : m.notSecret}</p>
      <LiveStatus message={message} />
      <div ref={toggleRef}>
        {view.secret ? (
          <Button variant="danger" size="small" onPress={() => send(false)}>
            {m.unmark}
          </Button>
        ) : (
          <>
            <Button
              size="small"
              aria-expanded={open}
              onPress={() => {
                secrecy.reset();
                setOpen(!open);
              }}
            >
              {m.mark}
            </Button>
            {open && (
              <div className="form secrecy-form">
                <TextField
                  id={groundId}
                  label={m.ground}
                  description={m.groundHelp}
                  value={ground}
                  onChange={setGround}
                />
                <div className="button-row">
                  <Button variant="primary" size="small" onPress={() => send(true)}>
                    {m.confirmMark}
                  </Button>
                  <Button
                    size="small"
                    onPress={() => {
                      setOpen(false);
                      setFocusToggle(true);
                    }}
                  >
                    {m.cancel}
                  </Button>
                </div>
              </div>
            )}
          </>
        )}
      </div>
      {secrecy.isError && <ProblemAlert error={secrecy.error} />}
    </section>
  );
}

/** "Avsluta ärende": asks first (an alert dialog whose first focus is the harmless "Avbryt"). */
export function CloseSection({ view, onClosed }: { view: CaseView; onClosed: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.cases.close;
  const headingId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const close = useCaseCommand(view.id);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p>{m.text}</p>
      <DialogTrigger
        onOpenChange={(isOpen) => {
          if (isOpen) close.reset();
        }}
      >
        <Button variant="danger" size="small">
          {m.close}
        </Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog role="alertdialog" className="dialog">
              {({ close: closeDialog }) => (
                <>
                  <Heading slot="title" className="dialog-heading">
                    {m.question}
                  </Heading>
                  <p>{m.text}</p>
                  <TextField id={reasonId} label={m.reason} value={reason} onChange={setReason} multiline />
                  {close.isError && <ProblemAlert error={close.error} />}
                  <div className="button-row">
                    <Button
                      variant="danger"
                      onPress={() =>
                        !close.isPending &&
                        close.mutate(
                          { kind: 'close', body: reason.trim() ? { reason: reason.trim() } : {} },
                          {
                            onSuccess: () => {
                              closeDialog();
                              onClosed(m.closed);
                            },
                          },
                        )
                      }
                    >
                      {m.confirm}
                    </Button>
                    <Button autoFocus onPress={closeDialog}>
                      {m.cancel}
                    </Button>
                  </div>
                </>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </section>
  );
}
