import type { Messages } from './messages.sv.ts';

/** All English UI text; the compiler keeps its keys in step with the Swedish dictionary. */
export const en: Messages = {
  meta: {
    municipality: 'City of Mölnål',
    serviceName: 'E-services',
    pageTitle: (page: string) => `${page} – City of Mölnål`,
  },
  language: {
    name: 'English',
  },
  shell: {
    skipLink: 'Skip to main content',
    mainNav: 'Main menu',
    textSize: 'Text size',
    textSmaller: 'Smaller text',
    textLarger: 'Larger text',
    textReset: 'Reset',
    textSizeNow: (percent: number) => `Text size: ${percent}%`,
    loggedInAs: 'Logged in as',
    logout: 'Log out',
    loggingOut: 'Logging out …',
  },
  footer: {
    contactHeading: 'Contact the City of Mölnål',
    contactCentre: 'Contact centre',
    phone: 'Phone',
    email: 'Email',
    openingHours: 'Opening hours',
    openingHoursText: 'Monday–Thursday 8 am–5 pm, Friday 8 am–4 pm',
    visitingAddress: 'Visiting address',
    postalAddress: 'Postal address',
    aboutHeading: 'About this website',
    about: 'The City of Mölnål e-services are built on Kärna, an open platform for municipalities.',
    accessibility: 'Accessibility statement',
    personalData: 'How we process personal data',
  },
  session: {
    warningTitle: 'You will soon be logged out',
    warningText:
      'You have not used the e-services for a while. To protect your information, we will log you out automatically. Anything you have not saved will then be lost.',
    timeLeft: (duration: string) => `You will be logged out in ${duration}.`,
    timeLeftAnnouncement: (duration: string) => `${duration} left before you are logged out.`,
    duration: (minutes: number, seconds: number) => {
      const m = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
      const s = `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
      if (minutes === 0) return s;
      return seconds === 0 ? m : `${m} and ${s}`;
    },
    stayLoggedIn: 'Stay logged in',
    stillLoggedIn: 'You are still logged in.',
    finalText:
      'You have been logged in for as long as is allowed in one go, so the time cannot be extended any more. Save what you are working on and log in again to continue.',
    loginAgain: 'Log in again',
    close: 'Close',
    endedTitle: 'You have been logged out',
    ended: {
      idle: 'You have been logged out because you had not used the e-services for a while. We do this to protect your information. Log in again to continue where you were.',
      limit:
        'You have been logged out because you had been logged in for as long as is allowed in one go. Log in again to continue where you were.',
      ended: 'You are no longer logged in. Log in again to continue where you were.',
    },
  },
  nav: {
    start: 'Start',
    myPages: 'My pages',
    workspace: 'My start page',
    admin: 'Administration',
  },
  common: {
    loading: 'Loading …',
    retry: 'Try again',
    toStart: 'Go to the start page',
    errorReference: (id: string) => `Quote error code ${id} if you contact us.`,
    networkError: 'We cannot reach the service. Check your internet connection and try again.',
    unexpectedResponse: 'The service answered in a way we did not expect. Please try again later.',
  },
  auth: {
    loginCitizen: 'Log in with e-ID',
    loginStaff: 'Log in as an employee',
    loginRequired: 'You need to log in to see this page.',
    forbidden: 'You do not have permission to see this page.',
    forbiddenHelp: 'If you think this is wrong, contact your administrator.',
  },
  start: {
    title: 'City of Mölnål e-services',
    intro:
      'Here you can apply for support and permits, follow your cases and get answers from the municipality. All in one place, whenever it suits you.',
    citizenHeading: 'If you live or work in Mölnål',
    citizenText: 'Log in with an e-ID, such as BankID or Freja+, to see your cases.',
    staffHeading: 'For employees',
    staffText: 'Do you work for the City of Mölnål? Log in with your work account.',
    loggedOut: 'You are logged out. Welcome back!',
    loginError: {
      login_cancelled: 'You cancelled the login. You can log in again whenever you like.',
      login_expired: 'The login took too long. Please start over.',
      assurance_too_low:
        'Your e-identification is not strong enough for our e-services. Use BankID or Freja+ and try again.',
      identity_provider_unavailable:
        'The login service is not responding right now. Please try again shortly.',
      other: 'The login failed. Please try again.',
    },
    loggedInHeading: 'You are logged in',
    loggedInText: 'Continue to:',
    noAreas: 'You do not have access to any part of the service yet.',
  },
  myPages: {
    title: 'My pages',
    welcome: (name: string) => `Welcome, ${name}`,
    detailsHeading: 'Your details',
    name: 'Name',
    personalNumber: 'Personal identity number',
    casesHeading: 'My cases',
    noCases: 'You have no cases yet.',
    messagesHeading: 'Messages',
    noMessages: 'You have no messages.',
  },
  workspace: {
    title: 'My start page',
    greeting: (name: string) => `Hello, ${name}!`,
    rolesHeading: 'My permissions',
    roleAtUnit: (role: string, unit: string) => `${role}, ${unit}`,
    noRoles: 'You do not have any permissions yet. Contact your administrator.',
    tasksHeading: 'My tasks',
    noTasks: 'You have no tasks right now',
    taskTitle: 'Task',
    taskUnit: 'Unit',
    taskStatus: 'Status',
    taskDue: 'Due',
    noDueDate: 'No date',
  },
  admin: {
    title: 'Administration',
    usersHeading: 'Employees and permissions',
    usersIntro:
      'The employees in the parts of the organisation that you may administer, and the permissions they have.',
    noUsers: 'There are no employees yet.',
    email: 'Email',
    noEmail: 'No email address',
    rolesOf: (name: string) => `Permissions of ${name}`,
    userHasNoRoles: 'No permissions',
    addRole: 'Add permission',
    addRoleFor: (name: string) => `Add permission for ${name}`,
    role: 'Role',
    orgUnit: 'Organisational unit',
    orgUnitHelp:
      'Type part of the name to search. The permission applies to the unit and everything below it.',
    noUnitsFound: 'No unit matches what you typed.',
    partOf: 'Part of',
    choose: 'Choose',
    save: 'Add',
    saving: 'Saving …',
    cancel: 'Cancel',
    revoke: 'Remove',
    revokeLabel: (role: string, unit: string, name: string) => `Remove ${role}, ${unit}, for ${name}`,
    roleRequired: 'Choose a role.',
    orgUnitRequired: 'Choose an organisational unit from the list.',
    errorSummaryTitle: 'There are errors you need to correct',
    revokeQuestion: (role: string, unit: string, name: string) =>
      `Remove the role ${role} for ${unit} from ${name}?`,
    revokeConsequence: (name: string, unit: string) =>
      `${name} will then lose the permission in ${unit} and the units below it. You can add it again later.`,
    revokeConfirm: 'Remove the role',
    revoking: 'Removing …',
    granted: (role: string, unit: string, name: string) => `${name} now has the permission ${role}, ${unit}.`,
    revoked: (role: string, unit: string, name: string) =>
      `The permission ${role}, ${unit}, has been removed for ${name}.`,
    orgHeading: 'Organisation',
    noOrgUnits: 'There are no organisational units yet.',
  },
  roles: {
    caseOfficer: 'Case officer',
    registrar: 'Registrar',
    systemOwner: 'System owner',
    itDepartment: 'IT department',
    administrator: 'Administrator',
  },
  roleDescriptions: {
    caseOfficer: 'Handles cases and sees the tasks of the unit and the units below it.',
    registrar: 'Receives and registers documents and assigns cases to the right case officer.',
    systemOwner: 'Is responsible for the e-services in their part of the organisation working and improving.',
    itDepartment: 'Runs the technology and can see employees and their permissions, but not change them.',
    administrator: 'Grants and removes permissions, creates API keys for integrations and can read the log.',
  },
  orgUnitKinds: {
    municipality: 'Municipality',
    board: 'Committee',
    department: 'Administration',
    unit: 'Unit',
    company: 'Company',
  },
  taskStatuses: {
    open: 'New',
    in_progress: 'In progress',
    done: 'Done',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist or has moved. Check the address or go to the start page.',
  },
  routeError: {
    title: 'Something went wrong',
    text: 'The page could not be shown. Reload the page or try again later.',
  },
};
