/**
 * 互联网+不动产登记 (issue #7): online one-window registration from application to e-certificate, with tax paid first
 * (先税后证). Applications ({@link cn.tongban.registration.Registrations}) run through BPMN processes executed by
 * Flowable ({@link cn.tongban.registration.Workflow}, {@code processes/*.bpmn20.xml}); machine checks at acceptance
 * and 登簿; the register book ({@link cn.tongban.registration.RegisterBook}), hash-chained per unit; certificate
 * numbers, SM2-signed e-certificates, notices and 无房证明; materials and hall appointments; property queries and
 * statistics. Published: {@link cn.tongban.registration.RightsRegistered}. Received: the tax bureau's
 * {@code TaxPaid}, the courts' {@code SeizureOrdered} and {@code SeizureLifted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real-estate registration 不动产登记")
package cn.tongban.registration;
