import { taskTableRow, TaskTableInput } from './task-table-rows';

const task = (patch: Partial<TaskTableInput>): TaskTableInput => ({
  ref: '一/(二)',
  title: '开展详查',
  text: '按照统一要求，\n开展详查。',
  leads: ['阳江市农业农村局'],
  participants: ['阳江市财政局', '阳江市自然资源局'],
  localResponsibility: false,
  deadlines: ['2017年底前', '持续实施'],
  ...patch,
});

describe(taskTableRow.name, () => {
  const titles = new Map([['一', '开展土壤环境详查']]);

  it('should write 条 and 款 from the ref and the titles, and the units by name', () => {
    expect(taskTableRow(3, task({}), titles)).toEqual({
      seq: 3,
      chapter: '一、开展土壤环境详查',
      clause: '（二）开展详查',
      text: '按照统一要求，开展详查。',
      leads: '阳江市农业农村局',
      participants: '阳江市财政局、阳江市自然资源局',
      deadlines: '2017年底前；持续实施',
    });
  });

  it('should say when lower governments carry the task', () => {
    expect(taskTableRow(1, task({ localResponsibility: true }), titles).participants).toBe(
      '阳江市财政局、阳江市自然资源局参与，各县（市、区）人民政府负责落实',
    );
    expect(taskTableRow(1, task({ localResponsibility: true, participants: [] }), titles).participants).toBe(
      '各县（市、区）人民政府负责落实',
    );
  });

  it('should title a chapter-level task in the 条 column', () => {
    expect(taskTableRow(1, task({ ref: '二', title: '加强监管' }), titles)).toMatchObject({
      chapter: '二、加强监管',
      clause: '',
    });
  });
});
