/**
 * 网签备案 (online contract filing): sale, lease and mortgage contracts signed online, verified automatically against
 * the 楼盘表, identity and restrictions, filed instantly with a filing code, changed and cancelled
 * (建房规〔2020〕4号 二、三). Not built yet: see issue #4.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contract filing 网签备案")
package cn.tongban.filing;
