import { type StaffRole, type StaffUser, staffRoles } from '@karna/contracts';
import { type FormEvent, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select, type SelectOption } from '../../ui/select.tsx';
import { useGrantRole } from './identity.api.ts';

function isStaffRole(value: string | null): value is StaffRole {
  return (staffRoles as readonly (string | null)[]).includes(value);
}

interface GrantRoleFormProps {
  user: StaffUser;
  unitOptions: readonly SelectOption[];
  onGranted: (message: string) => void;
  onCancel: () => void;
}

function GrantRoleForm({ user, unitOptions, onGranted, onCancel }: GrantRoleFormProps) {
  const { t } = useI18n();
  const grant = useGrantRole();
  const [role, setRole] = useState<string | null>(null);
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [isSubmitted, setSubmitted] = useState(false);
  const name = formatName(user);
  const roleOptions = staffRoles.map((id) => ({ id, label: t.roles[id] }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const unit = unitOptions.find((option) => option.id === orgUnitId);
    if (!isStaffRole(role) || !unit) return;
    grant.mutate(
      { userId: user.id, role, orgUnitId: unit.id },
      { onSuccess: () => onGranted(t.admin.granted(t.roles[role], unit.label, name)) },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <Heading slot="title" className="dialog-heading">
        {t.admin.addRoleFor(name)}
      </Heading>
      {grant.isError && <ProblemAlert error={grant.error} />}
      <Select
        label={t.admin.role}
        options={roleOptions}
        value={role}
        onChange={setRole}
        placeholder={t.admin.choose}
        isRequired
        errorMessage={isSubmitted && !role ? t.admin.roleRequired : null}
      />
      <Select
        label={t.admin.orgUnit}
        description={t.admin.orgUnitHelp}
        options={unitOptions}
        value={orgUnitId}
        onChange={setOrgUnitId}
        placeholder={t.admin.choose}
        isRequired
        errorMessage={isSubmitted && !orgUnitId ? t.admin.orgUnitRequired : null}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" isPending={grant.isPending}>
          {grant.isPending ? t.admin.saving : t.admin.save}
        </Button>
        <Button onPress={onCancel}>{t.admin.cancel}</Button>
      </div>
    </form>
  );
}

/**
 * "Lägg till behörighet" for one user: a modal dialog (React Aria: focus is trapped inside,
 * Escape closes it and focus returns to the button) with a role and an org unit to choose.
 */
export function GrantRoleDialog({
  user,
  unitOptions,
  onGranted,
}: {
  user: StaffUser;
  unitOptions: readonly SelectOption[];
  onGranted: (message: string) => void;
}) {
  const { t } = useI18n();
  return (
    <DialogTrigger>
      <Button size="small" aria-label={t.admin.addRoleFor(formatName(user))}>
        {t.admin.addRole}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <GrantRoleForm
                user={user}
                unitOptions={unitOptions}
                onCancel={close}
                onGranted={(message) => {
                  close();
                  onGranted(message);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
