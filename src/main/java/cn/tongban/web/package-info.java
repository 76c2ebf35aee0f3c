/**
 * Web: the foundation of the server-rendered pages of issue #8 — the shared layout ({@code templates/layout/page.html}),
 * the {@link cn.tongban.web.ConsoleMenu navigation} every module contributes its pages to, the landing page, the sign-in
 * page, the staff console's dashboard and the citizen portal's home, the language switch (zh-CN first, English) and
 * the HTML error pages of {@code /console/**} and {@code /portal/**} (一网通办: 互联网+不动产登记建设指南 二（一）1 网上申请
 * through one entrance). Each module owns its own pages (a package-private {@code @Controller} and
 * {@code templates/<module>/…}); reads are rendered here, writes go to the JSON API through {@code static/js/tongban.js}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web 控制台与门户")
package cn.tongban.web;
