import { type StaffRole, staffRoles } from '@karna/contracts';
import {
  findOrgUnits,
  findStaffUserByEmail,
  identityDb,
  insertRoleAssignment,
  listStaffUsers,
} from '../modules/identity/index.ts';
import { AuditTrail, NOT_A_REQUEST, systemActor } from '../platform/audit/index.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, UsageError, withDatabase } from './cli.ts';

const USAGE = `Usage: karna users list
       karna users add-role --email <address> --role <role> --org-unit <name, short name or id>

Roles: ${staffRoles.join(', ')}. A role applies to the org unit and everything below it.`;

export const runUsersCommand: CliCommand = async (args, loadConfig) => {
  const { values, positionals } = parseOptions(
    args,
    { email: { type: 'string' }, role: { type: 'string' }, 'org-unit': { type: 'string' } },
    USAGE,
  );
  const [subcommand] = positionals;
  if (values.help || !subcommand) return showUsage(USAGE, values.help === true);

  if (subcommand === 'list') {
    return withDatabase(loadConfig(), async ({ db }) => {
      const users = await listStaffUsers(db);
      for (const user of users) {
        const roles =
          user.roles.map((grant) => `${grant.role} @ ${grant.orgUnitName}`).join('; ') || 'no roles';
        print(`${user.familyName}, ${user.givenName}  <${user.email ?? '—'}>  ${roles}`);
      }
      print(`${users.length} staff users.`);
      return EXIT.ok;
    });
  }

  if (subcommand === 'add-role') {
    const { email, role, 'org-unit': orgUnit } = values;
    if (!email || !role || !orgUnit)
      throw new UsageError(`add-role needs --email, --role and --org-unit\n\n${USAGE}`);
    if (!staffRoles.includes(role as StaffRole)) throw new UsageError(`Unknown role "${role}". ${USAGE}`);
    return withDatabase(loadConfig(), async ({ db }) =>
      db.transaction().execute(async (trx) => {
        const tables = identityDb(trx);
        const user = await findStaffUserByEmail(tables, email);
        if (!user) throw new UsageError(`No staff user has the e-mail address ${email}.`);
        const wanted = orgUnit.toLocaleLowerCase('sv');
        const unit = (await findOrgUnits(tables)).find(
          (candidate) =>
            candidate.id === orgUnit ||
            candidate.name.toLocaleLowerCase('sv') === wanted ||
            candidate.shortName?.toLocaleLowerCase('sv') === wanted,
        );
        if (!unit) throw new UsageError(`No org unit is called "${orgUnit}".`);
        const added = await insertRoleAssignment(tables, {
          userId: user.id,
          role,
          orgUnitId: unit.id,
          grantedBy: null,
        });
        const audit = await AuditTrail.load(trx);
        await audit.append(trx, systemActor('karna users add-role'), NOT_A_REQUEST, {
          action: 'identity.role.grant',
          outcome: 'success',
          resourceType: 'user',
          resourceId: user.id,
          details: { role, orgUnitId: unit.id, changed: added },
        });
        print(
          added
            ? `${user.givenName} ${user.familyName} is now ${role} for ${unit.name}.`
            : `${user.givenName} ${user.familyName} already was ${role} for ${unit.name}.`,
        );
        return EXIT.ok;
      }),
    );
  }
  throw new UsageError(`Unknown users command "${subcommand}".\n\n${USAGE}`);
};
