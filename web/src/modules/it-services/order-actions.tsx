import type { Order } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { DateInput } from '../cases/case-fields.tsx';
import { type OrderAction, useOrderAction } from './it-services.api.ts';
import { serverFieldErrors, today } from './it-services-parts.tsx';

type Mode = 'reject' | 'deliver' | 'cancel';

/**
 * What the caller may do with an order now, as the order's flags say: approve or reject it (the
 * department's authorised orderer, not for their own), record its delivery (the IT department),
 * end it (the orderer or IT). Rejecting, delivering and ending ask for one more thing in a small
 * form in place. `onDone` gets the confirmation to announce, and moves focus on: the button pressed
 * may be gone.
 */
export function OrderActions({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.itServices.orders.actions;
  const action = useOrderAction(order.id);
  const [mode, setMode] = useState<Mode | null>(null);
  const ids = { heading: useId(), field: useId(), buttons: useId() };
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(today());
  const [checked, setChecked] = useState(false);
  // Focus follows the form: into its field when it opens, back to the buttons when it is closed.
  const moved = useRef<'opened' | 'closed' | null>(null);
  useEffect(() => {
    if (moved.current === 'opened' && mode !== null) document.getElementById(ids.field)?.focus();
    if (moved.current === 'closed' && mode === null)
      document.getElementById(ids.buttons)?.querySelector<HTMLElement>('button')?.focus();
    moved.current = null;
  }, [mode, ids.field, ids.buttons]);

  if (!order.canDecide && !order.canDeliver && !order.canCancel) return null;

  const run = (body: OrderAction, message: string) => {
    if (action.isPending) return;
    action.mutate(body, {
      onSuccess: () => {
        setMode(null);
        onDone(message);
      },
    });
  };
  const open = (next: Mode) => {
    action.reset();
    setChecked(false);
    setReason('');
    setDate(today());
    moved.current = 'opened';
    setMode(next);
  };
  const close = () => {
    moved.current = 'closed';
    setMode(null);
  };
  const hidden = <span className="visually-hidden"> {order.number}</span>;

  if (mode === null) {
    return (
      <>
        <div id={ids.buttons} className="button-row it-order-buttons">
          {order.canDecide && (
            <>
              <Button
                variant="primary"
                size="small"
                onPress={() =>
                  run({ kind: 'decision', approve: true, reason: null }, m.done.approved(order.number))
                }
              >
                {m.approve}
                {hidden}
              </Button>
              <Button size="small" onPress={() => open('reject')}>
                {m.reject}
                {hidden}
              </Button>
            </>
          )}
          {order.canDeliver && (
            <Button size="small" onPress={() => open('deliver')}>
              {m.deliver}
              {hidden}
            </Button>
          )}
          {order.canCancel && (
            <Button size="small" onPress={() => open('cancel')}>
              {m.cancel}
              {hidden}
            </Button>
          )}
        </div>
        {action.isError && <ProblemAlert error={action.error} />}
      </>
    );
  }

  const reasonError =
    mode === 'reject' && (!reason.trim() || reason.trim().length > 1000) ? m.errors.reason : null;
  const dateError = mode !== 'reject' && !/^\d{4}-\d{2}-\d{2}$/.test(date) ? m.errors.date : null;
  const local = checked ? (reasonError ?? dateError) : null;
  const remote = action.isError
    ? serverFieldErrors(
        action.error,
        { reason: m.errors.reason, deliveredOn: m.errors.date, endDate: m.errors.date },
        { order_end_before_notice: 'endDate' },
      )
    : {};
  const fieldError = local ?? remote.reason ?? remote.deliveredOn ?? remote.endDate ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (reasonError ?? dateError) {
      document.getElementById(ids.field)?.focus();
      return;
    }
    if (mode === 'reject')
      run({ kind: 'decision', approve: false, reason: reason.trim() }, m.done.rejected(order.number));
    else if (mode === 'deliver') run({ kind: 'delivery', deliveredOn: date }, m.done.delivered(order.number));
    else run({ kind: 'cancellation', endDate: date }, m.done.cancelled(order.number));
  };
  const heading =
    mode === 'reject'
      ? m.rejectHeading(order.number)
      : mode === 'deliver'
        ? m.deliverHeading(order.number)
        : m.cancelHeading(order.number);
  const confirm =
    mode === 'reject' ? m.confirmReject : mode === 'deliver' ? m.confirmDeliver : m.confirmCancel;

  return (
    <form className="form it-order-action" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{heading}</h4>
      {mode === 'reject' ? (
        <TextField
          id={ids.field}
          label={m.reason}
          description={m.reasonHelp}
          value={reason}
          onChange={(value) => {
            setReason(value);
            action.reset();
          }}
          errorMessage={fieldError}
          multiline
          isRequired
        />
      ) : (
        <DateInput
          id={ids.field}
          label={mode === 'deliver' ? m.deliveredOn : m.endDate}
          description={mode === 'cancel' ? m.endDateHelp : undefined}
          value={date}
          onChange={(value) => {
            setDate(value);
            action.reset();
          }}
          errorMessage={fieldError}
        />
      )}
      {action.isError && !fieldError && <ProblemAlert error={action.error} />}
      <div className="button-row">
        <Button type="submit" variant={mode === 'deliver' ? 'primary' : 'danger'}>
          {confirm}
        </Button>
        <Button onPress={close}>{m.close}</Button>
      </div>
    </form>
  );
}
