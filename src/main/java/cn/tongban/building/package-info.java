/**
 * 楼盘表 (building-unit table): projects (项目), buildings (幢), presale permits and 现售备案, and units (户) with their
 * areas, uses, 交易状况 and 权利状况 and its append-only history — the base of all housing data
 * (建房规〔2020〕4号 一（一）). Owns the tables {@code project}, {@code building}, {@code sale_permit},
 * {@code unit}, {@code unit_owner}, {@code unit_status_change} and {@code unit_import*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Building table 楼盘表")
package cn.tongban.building;
