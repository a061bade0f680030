import { mailDomain, messageIdFor } from './mailer';

describe(messageIdFor.name, () => {
  it('should derive the same Message-ID from the same dedup key when called twice', () => {
    const first = messageIdFor('notice:12:yellow:liaison@agri.example.gov.cn', '土壤办 <office@soil.example.gov.cn>');
    expect(first).toBe(messageIdFor('notice:12:yellow:liaison@agri.example.gov.cn', 'office@soil.example.gov.cn'));
    expect(first).toMatch(/^<[0-9a-f]{32}@soil\.example\.gov\.cn>$/);
  });

  it('should differ when the dedup key differs', () => {
    expect(messageIdFor('notice:12:yellow:a@x.cn', 'o@x.cn')).not.toBe(messageIdFor('notice:12:red:a@x.cn', 'o@x.cn'));
  });
});

describe(mailDomain.name, () => {
  it('should take the domain of the address when MAIL_FROM has a display name', () => {
    expect(mailDomain('领导小组办公室 <office@localhost>')).toBe('localhost');
  });

  it('should convert an internationalised domain to punycode when the domain is Chinese', () => {
    expect(mailDomain('office@环保.中国')).toMatch(/^xn--[a-z0-9]+\.xn--fiqs8s$/);
  });

  it('should fall back to localhost when MAIL_FROM has no address', () => {
    expect(mailDomain('领导小组办公室')).toBe('localhost');
  });
});
