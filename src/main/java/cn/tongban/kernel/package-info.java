/**
 * Shared kernel: the value objects every module speaks in — 公民身份号码, 统一社会信用代码, 不动产单元代码,
 * administrative divisions (GB/T 2260), money and area — and the rule-violation exceptions that explain,
 * by field, code and message, why a value was refused; in {@code crypto}, SM3 and the SM4 cipher of personal data
 * at rest. Nothing here touches a database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.tongban.kernel;
