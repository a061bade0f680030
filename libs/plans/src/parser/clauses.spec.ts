import { clauseText } from './testing/plan-text.factory';
import { findClauses, parseAssignment } from './clauses';

describe(parseAssignment.name, () => {
  it('should read leads before 牵头 and participants before 参与 when the clause is （X牵头，Y、Z等参与）', () => {
    expect(parseAssignment('市环境保护局牵头，市发展和改革委员会、经济和信息化局等参与')).toMatchObject({
      lead: ['市环境保护局'],
      participants: ['市发展和改革委员会', '经济和信息化局'],
      local: false,
      localNote: false,
    });
  });

  it('should read labelled lists when the clause is （牵头单位：…，协办单位：…）', () => {
    expect(parseAssignment('牵头单位：环保局、国土资源局，协办单位：财政局、农业局、各镇街等')).toMatchObject({
      lead: ['环保局', '国土资源局'],
      participants: ['财政局', '农业局', '各镇街'],
    });
  });

  it('should keep a deadline written in the clause when it has a time label', () => {
    expect(parseAssignment('责任单位：县环保局、县农业局；完成时限：2019年底前')).toMatchObject({
      lead: ['县环保局', '县农业局'],
      participants: [],
      deadlineText: '2019年底前',
    });
  });

  it('should make every unit a lead when they 分别牵头', () => {
    expect(parseAssignment('县公安局、交通局，融水生态环境局，融水海事处分别牵头，县发改局参与')).toMatchObject({
      lead: ['县公安局', '交通局', '融水生态环境局', '融水海事处'],
      participants: ['县发改局'],
    });
  });

  it('should give one task two leads when each 牵头负责 its own scope', () => {
    expect(
      parseAssignment('县农业农村局牵头负责农用地，融水生态环境局牵头负责企业用地，县自然规划局等参与'),
    ).toMatchObject({
      lead: ['县农业农村局', '融水生态环境局'],
      participants: ['县自然规划局'],
    });
  });

  it('should make X the lead and leave no participants when the clause is （X负责）', () => {
    expect(parseAssignment('市农业局、林业局负责')).toMatchObject({ lead: ['市农业局', '林业局'], participants: [] });
  });

  it('should read every unit before 牵头 as a lead when a comma separates them', () => {
    expect(parseAssignment('市发展和改革委员会，市财政局、环境保护局牵头、人民银行阳江分行等参与')).toMatchObject({
      lead: ['市发展和改革委员会', '市财政局', '环境保护局'],
      participants: ['人民银行阳江分行'],
    });
  });

  it('should set local responsibility and not list governments when they 负责落实', () => {
    const assignment = parseAssignment(
      '市农业局牵头、环境保护局，市财政局等参与，各县（市、区）级人民政府、管委会负责落实。以下均需各县（市、区）级人民政府、管委会负责落实，不再列出',
    );
    expect(assignment).toMatchObject({
      lead: ['市农业局'],
      participants: ['环境保护局', '市财政局'],
      local: true,
      localNote: true,
    });
  });

  it('should make a department that 负责落实 a lead when it is not a government', () => {
    expect(parseAssignment('县农业农村局负责落实')).toMatchObject({ lead: ['县农业农村局'], local: false });
  });

  it('should drop line breaks inside a unit name when the clause was broken across lines', () => {
    expect(parseAssignment('市环境保护局牵头，市国土资源局、住房\n\n和城乡建设局、卫生\n计生委参与')).toMatchObject({
      participants: ['市国土资源局', '住房和城乡建设局', '卫生计生委'],
    });
  });

  it('should give units without a role word the column role when a table cell is read', () => {
    expect(parseAssignment('市发展和改革委员会、市经济和信息化局', 'participant')).toMatchObject({
      lead: [],
      participants: ['市发展和改革委员会', '市经济和信息化局'],
    });
  });
});

describe(findClauses.name, () => {
  it('should find each clause style when written by the plan family', () => {
    const styles = ['lead-participants', 'labels', 'respectively', 'responsible'] as const;
    for (const style of styles) {
      const text = `开展调查工作。${clauseText({ lead: ['市生态环境局', '市农业农村局'], participants: ['市财政局'], style })}`;
      const [span] = findClauses(text);
      expect(span.assignment.lead).toEqual(['市生态环境局', '市农业农村局']);
      expect(span.assignment.participants).toEqual(style === 'responsible' ? [] : ['市财政局']);
    }
  });

  it('should skip brackets that are not clauses when they only explain a word', () => {
    const text = '重点防控污染物（以下统称“5种重金属”）和产粮（油）大县（PPP）。（市环境保护局牵头，市国土资源局参与）';
    const spans = findClauses(text);
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('（市环境保护局牵头，市国土资源局参与）');
  });

  it('should match nested brackets when a unit name has （市、区） in it', () => {
    const text = '（市农业局牵头，各县（市、区）级人民政府负责落实）后文';
    expect(findClauses(text)[0].end).toBe(text.indexOf('后文'));
  });

  it('should accept a stray 〉 as the closing bracket when the extraction garbled it', () => {
    const [span] = findClauses('（县自然规划局，融水生态环境局牵头，县科工信局等参与〉后文');
    expect(span).toMatchObject({ closed: true });
    expect(span.assignment.lead).toEqual(['县自然规划局', '融水生态环境局']);
  });

  it('should end an unclosed clause after its last role word when the bracket never closes', () => {
    const [span] = findClauses('做好工作。（市环境保护局牵头，市国土资源局参与\n\n下一段落没有括号');
    expect(span.closed).toBe(false);
    expect(span.assignment).toMatchObject({ lead: ['市环境保护局'], participants: ['市国土资源局'] });
  });

  it('should not swallow the next clause when a bracket is left open', () => {
    const spans = findClauses('甲工作。（A局牵头，B局参与。乙工作，各牵头部门按月报送。（C局牵头，D局参与）');
    expect(spans.map((s) => [s.closed, s.assignment.lead])).toEqual([
      [false, ['A局']],
      [true, ['C局']],
    ]);
  });

  it('should find two clauses when one item has two', () => {
    expect(findClauses('甲工作；（A局牵头，B局参与）乙工作。（C局牵头，D局参与）')).toHaveLength(2);
  });
});
