/**
 * 互联网+不动产登记: online one-window registration from application to e-certificate, with tax paid first
 * (先税后证). In progress (issue #7): the register book ({@link cn.tongban.registration.RegisterBook}) and certificate
 * numbers are built;
 * business types, the Flowable workflows, applications, certificates, queries and statistics are not yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real-estate registration 不动产登记")
package cn.tongban.registration;
