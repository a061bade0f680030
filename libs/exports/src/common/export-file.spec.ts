import { contentDisposition, encodeRfc5987, safeFilename } from './export-file';

describe('export file names', () => {
  describe(contentDisposition.name, () => {
    it('should give an ASCII fallback and the UTF-8 name encoded per RFC 5987', () => {
      expect(contentDisposition('任务分工表 (2026).xlsx', 'task-table-1.xlsx')).toBe(
        `attachment; filename="task-table-1.xlsx"; filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%88%86%E5%B7%A5%E8%A1%A8%20%282026%29.xlsx`,
      );
    });

    it('should keep quotes and non-ASCII out of the fallback', () => {
      expect(contentDisposition('a.xlsx', 'a"b\\通.xlsx')).toContain('filename="a_b__.xlsx"');
    });
  });

  it('should encode the characters encodeURIComponent leaves alone', () => {
    expect(encodeRfc5987("it's (ok)*!")).toBe('it%27s%20%28ok%29%2A%21');
  });

  it('should replace characters file systems refuse', () => {
    expect(safeFilename('关于/督办:通知?.docx')).toBe('关于_督办_通知_.docx');
  });
});
