/** Reasons a new password is refused, in the users' language; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) {
    problems.push('密码至少 8 位');
  }
  if (password.length > 128) {
    problems.push('密码不能超过 128 位');
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    problems.push('密码须同时包含字母和数字');
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}
