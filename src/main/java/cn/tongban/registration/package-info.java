/**
 * 互联网+不动产登记: online one-window registration from application to e-certificate, with tax paid first
 * (先税后证). Not built yet: see issue #7.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real-estate registration 不动产登记")
package cn.tongban.registration;
