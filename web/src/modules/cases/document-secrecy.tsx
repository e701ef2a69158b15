import type { CaseView } from '@karna/contracts';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useCaseCommand } from './cases.api.ts';

type CaseDocument = CaseView['documents'][number];

/**
 * Marks one document of the case secret (OSL), or lifts the marking, for an officer who may (the
 * case's own marking covers all its documents; this is for one handling in an open case). The
 * button keeps its place, so focus stays on it and the result is announced.
 */
export function DocumentSecrecyToggle({ caseId, document }: { caseId: string; document: CaseDocument }) {
  const { t } = useI18n();
  const m = t.cases.documents;
  const command = useCaseCommand(caseId);
  const [message, setMessage] = useState<string | null>(null);
  const secret = !document.secret;
  const send = () => {
    if (command.isPending) return;
    command.mutate(
      { kind: 'documentSecrecy', documentId: document.id, body: { secret } },
      {
        onSuccess: () =>
          setMessage(secret ? m.markedSecret(document.fileName) : m.unmarkedSecret(document.fileName)),
      },
    );
  };
  return (
    <div className="document-secrecy">
      <LiveStatus message={message} />
      <Button
        size="small"
        variant={document.secret ? 'danger' : 'secondary'}
        aria-label={document.secret ? m.unmarkSecret(document.fileName) : m.markSecret(document.fileName)}
        onPress={send}
      >
        {document.secret ? m.unmarkSecretShort : m.markSecretShort}
      </Button>
      {command.isError && <ProblemAlert error={command.error} />}
    </div>
  );
}
