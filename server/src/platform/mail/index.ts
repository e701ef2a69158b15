export { registerCaughtMailRoutes } from './caught-mails.routes.ts';
export { enqueueMail, MAIL_JOB, MailMessage, mailJobHandler, noMailServer } from './mail.ts';
export { type CaughtMail, MailCatcher } from './mail-catcher.ts';
export { type Mailer, mailSender, openMailer } from './mail-setup.ts';
