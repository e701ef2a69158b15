import type { RoleAssignment, StaffUser } from '@karna/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import type { RevokeRoleInput } from './identity.api.ts';

interface RevokeRoleDialogProps {
  user: StaffUser;
  assignment: RoleAssignment;
  /** The card's revoke mutation: it outlives this dialog, which goes with the removed role. */
  revoke: UseMutationResult<StaffUser, Error, RevokeRoleInput>;
  onRevoked: (message: string) => void;
}

/**
 * "Ta bort" for one role: asks first ("Ta bort rollen Handläggare för Bygglovsenheten från Anna
 * Svensson?") in a modal alert dialog whose first focus is the harmless "Avbryt". A refusal by the
 * server (e.g. `role_not_in_scope`) is shown in the dialog with its title.
 */
export function RevokeRoleDialog({ user, assignment, revoke, onRevoked }: RevokeRoleDialogProps) {
  const { t } = useI18n();
  const name = formatName(user);
  const role = t.roles[assignment.role];
  const unit = assignment.orgUnitName;
  const isThisPending =
    revoke.isPending &&
    revoke.variables.role === assignment.role &&
    revoke.variables.orgUnitId === assignment.orgUnitId;

  return (
    <DialogTrigger onOpenChange={(isOpen) => isOpen && revoke.reset()}>
      <Button size="small" variant="danger" aria-label={t.admin.revokeLabel(role, unit, name)}>
        {t.admin.revoke}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-heading">
                  {t.admin.revokeQuestion(role, unit, name)}
                </Heading>
                <p>{t.admin.revokeConsequence(name, unit)}</p>
                {revoke.isError && <ProblemAlert error={revoke.error} />}
                <div className="button-row">
                  <Button
                    variant="danger"
                    isPending={isThisPending}
                    onPress={() =>
                      revoke.mutate(
                        { userId: user.id, role: assignment.role, orgUnitId: assignment.orgUnitId },
                        {
                          onSuccess: () => {
                            close();
                            onRevoked(t.admin.revoked(role, unit, name));
                          },
                        },
                      )
                    }
                  >
                    {isThisPending ? t.admin.revoking : t.admin.revokeConfirm}
                  </Button>
                  <Button autoFocus onPress={close}>
                    {t.admin.cancel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
