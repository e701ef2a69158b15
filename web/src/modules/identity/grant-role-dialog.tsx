import { type StaffRole, type StaffUser, staffRoles } from '@karna/contracts';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ComboBox, type ComboBoxOption } from '../../ui/combo-box.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { useGrantRole } from './identity.api.ts';
import type { PlacedOrgUnit } from './org-tree.ts';
import { OrgPath } from './org-tree-view.tsx';

function isStaffRole(value: string | null): value is StaffRole {
  return (staffRoles as readonly (string | null)[]).includes(value);
}

interface GrantRoleFormProps {
  user: StaffUser;
  units: readonly PlacedOrgUnit[];
  onGranted: (message: string) => void;
  onCancel: () => void;
}

function GrantRoleForm({ user, units, onGranted, onCancel }: GrantRoleFormProps) {
  const { t } = useI18n();
  const grant = useGrantRole();
  const [role, setRole] = useState<string | null>(null);
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  // Errors show from the first submit on, and the summary takes focus on each submit that has some.
  const [failedSubmits, setFailedSubmits] = useState(0);
  const roleFieldId = useId();
  const unitFieldId = useId();
  const name = formatName(user);
  const chosen = units.find(({ unit }) => unit.id === orgUnitId);

  const roleOptions = staffRoles.map((id) => ({
    id,
    label: t.roles[id],
    description: t.roleDescriptions[id],
  }));
  const unitOptions = useMemo<ComboBoxOption[]>(
    () =>
      units.map(({ unit, ancestors }) => ({
        id: unit.id,
        label: unit.name,
        description: ancestors.length > 0 ? <OrgPath ancestors={ancestors} /> : undefined,
        searchText: [unit.shortName, ...ancestors].filter(Boolean).join(' '),
      })),
    [units],
  );

  const roleError = failedSubmits > 0 && !isStaffRole(role) ? t.admin.roleRequired : null;
  const unitError = failedSubmits > 0 && !chosen ? t.admin.orgUnitRequired : null;
  const errors: SummaryError[] = [];
  if (roleError) errors.push({ fieldId: roleFieldId, message: roleError });
  if (unitError) errors.push({ fieldId: unitFieldId, message: unitError });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isStaffRole(role) || !chosen) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    grant.mutate(
      { userId: user.id, role, orgUnitId: chosen.unit.id },
      { onSuccess: () => onGranted(t.admin.granted(t.roles[role], chosen.unit.name, name)) },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <Heading slot="title" className="dialog-heading">
        {t.admin.addRoleFor(name)}
      </Heading>
      <ErrorSummary title={t.admin.errorSummaryTitle} errors={errors} focusKey={failedSubmits} />
      {/* A refusal by the server (role_not_in_scope, role_not_grantable, …) with its title. */}
      {grant.isError && <ProblemAlert error={grant.error} />}
      <Select
        id={roleFieldId}
        label={t.admin.role}
        description={isStaffRole(role) ? t.roleDescriptions[role] : undefined}
        options={roleOptions}
        value={role}
        onChange={setRole}
        placeholder={t.admin.choose}
        isRequired
        errorMessage={roleError}
      />
      <ComboBox
        id={unitFieldId}
        label={t.admin.orgUnit}
        description={
          <>
            {t.admin.orgUnitHelp}
            {chosen && chosen.ancestors.length > 0 && (
              <span className="field-description-line">
                <OrgPath ancestors={chosen.ancestors} showLabel />
              </span>
            )}
          </>
        }
        options={unitOptions}
        value={orgUnitId}
        onChange={setOrgUnitId}
        emptyText={t.admin.noUnitsFound}
        isRequired
        errorMessage={unitError}
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
  units,
  onGranted,
}: {
  user: StaffUser;
  units: readonly PlacedOrgUnit[];
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
                units={units}
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
