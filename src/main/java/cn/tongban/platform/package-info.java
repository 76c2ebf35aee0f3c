/**
 * Platform: what runs the modules — the database (embedded PostgreSQL by default, external by URL), RFC 9457
 * problem+json errors in zh-CN and English, API documentation and the start-up banner. Owns no domain data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package cn.tongban.platform;
