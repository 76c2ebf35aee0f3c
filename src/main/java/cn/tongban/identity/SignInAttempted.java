package cn.tongban.identity;

/**
 * Someone tried to sign in with a password (等级保护第三级 安全审计: 登录成功和失败都应记录). Published for the audit
 * log; a citizen is named by the blind index of their ID number, never by the number.
 *
 * @param username     the staff user name, or {@code citizen} for a citizen
 * @param subjectIndex a citizen's blind index, else {@code null}
 * @param succeeded    whether the password was right and the account open
 */
public record SignInAttempted(String username, String subjectIndex, boolean succeeded) {
}
