import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment-policy';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

describe('checkAttachment', () => {
  it('should accept each allowed type when its first bytes match', () => {
    const cases: Array<[string, Buffer]> = [
      ['进展.pdf', PDF],
      ['报告.DOCX', ZIP],
      ['台账.xlsx', ZIP],
      ['旧版.doc', OLE2],
      ['旧表.xls', OLE2],
      ['现场.jpg', JPEG],
      ['现场.jpeg', JPEG],
      ['截图.png', PNG],
      ['说明.txt', Buffer.from('本月完成土壤详查点位布设。', 'utf8')],
      ['材料.zip', ZIP],
      ['公文.ofd', ZIP],
    ];
    for (const [name, head] of cases) {
      expect({ name, check: checkAttachment(name, head.length, head) }).toMatchObject({ name, check: { ok: true } });
    }
  });

  it('should take the content type from the extension', () => {
    expect(checkAttachment('a.pdf', 10, PDF)).toEqual({ ok: true, contentType: 'application/pdf' });
  });

  it('should refuse an extension that is not allowed', () => {
    expect(checkAttachment('setup.exe', 6, EXE)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不支持'),
    });
    expect(checkAttachment('noextension', 6, PDF)).toMatchObject({ ok: false });
  });

  it('should refuse a file whose content does not match its extension', () => {
    expect(checkAttachment('fake.pdf', 6, EXE)).toMatchObject({ ok: false, reason: expect.stringContaining('不符') });
    expect(checkAttachment('fake.docx', 6, PDF)).toMatchObject({ ok: false });
    expect(checkAttachment('binary.txt', 6, EXE)).toMatchObject({ ok: false });
  });

  it('should refuse an empty or oversize file', () => {
    expect(checkAttachment('empty.pdf', 0, Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(checkAttachment('big.pdf', MAX_ATTACHMENT_BYTES + 1, PDF)).toMatchObject({ ok: false });
  });
});
