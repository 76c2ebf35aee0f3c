/**
 * Departments, staff users, roles and permissions, system clients (OAuth 2.0 client credentials) and district
 * tenancy. Not built yet: see issue #3.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 身份与权限")
package cn.tongban.identity;
