/** The process's MailTransport, or null when SMTP_URL is not set. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
