/**
 * A live region for confirmations ("Behörigheten har lagts till"). It stays in the DOM even when
 * empty, because screen readers only announce changes to regions that already exist.
 */
export function LiveStatus({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'status-message' : 'status-message status-message-empty'}>
      {message}
    </div>
  );
}
