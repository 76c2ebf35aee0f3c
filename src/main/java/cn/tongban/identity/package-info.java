/**
 * Identity: departments, staff users, roles and permissions ({@code module:resource:action}), department system
 * clients (OAuth 2.0 client credentials), district tenancy and the {@link cn.tongban.identity.Caller} every other
 * module decides scope, masking and audit on (建房〔2020〕61号 八; 互联网+不动产登记建设指南 五).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 身份与权限")
package cn.tongban.identity;
