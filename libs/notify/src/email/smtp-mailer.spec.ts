import { classifySmtpError } from './smtp-mailer';

function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error('failed'), fields);
}

describe('SmtpMailer', () => {
  describe(classifySmtpError.name, () => {
    it('should be permanent when the server refuses the recipient with 550', () => {
      const error = classifySmtpError(
        smtpError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true }),
      );
      expect(error.permanent).toBe(true);
      expect(error.responseCode).toBe(550);
    });

    it('should be permanent when the server refuses the content with 554', () => {
      expect(
        classifySmtpError(smtpError({ code: 'EMESSAGE', command: 'DATA', responseCode: 554, permanent: true }))
          .permanent,
      ).toBe(true);
    });

    it('should be temporary when the recipient is deferred with 451', () => {
      expect(
        classifySmtpError(smtpError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, permanent: false }))
          .permanent,
      ).toBe(false);
    });

    it('should be temporary when the connection is refused', () => {
      expect(classifySmtpError(smtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' })).permanent).toBe(false);
    });

    it('should be temporary when authentication fails with 535 because that is configuration', () => {
      expect(
        classifySmtpError(smtpError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true }))
          .permanent,
      ).toBe(false);
    });

    it('should be temporary when the server refuses the sender because MAIL_FROM is configuration', () => {
      expect(
        classifySmtpError(smtpError({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, permanent: true }))
          .permanent,
      ).toBe(false);
    });
  });
});
