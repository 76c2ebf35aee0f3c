/**
 * 互联网+不动产登记: online one-window registration from application to e-certificate, with tax paid first
 * (先税后证). In progress (issue #7): the register book ({@link cn.tongban.registration.RegisterBook}), certificate
 * numbers, signed e-certificates and proofs verifiable without login ({@link cn.tongban.registration.Certificates},
 * {@link cn.tongban.registration.IssuedDocuments}), acceptance notices ({@link cn.tongban.registration.Notices}) and
 * housing records (无房证明, {@link cn.tongban.registration.HousingRecords}) are built;
 * business types too; the Flowable workflows, queries and statistics are not yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real-estate registration 不动产登记")
package cn.tongban.registration;
