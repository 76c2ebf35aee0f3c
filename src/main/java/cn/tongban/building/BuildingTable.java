package cn.tongban.building;

import java.util.List;
import java.util.Optional;

/**
 * 楼盘表: what other modules may ask of it and tell it. Filing marks units 已备案, restrictions set 查封 and 抵押,
 * registration marks them 已登记 — always through {@link #changeStatus}, which appends to the unit's history.
 */
public interface BuildingTable {

    Optional<UnitView> findUnit(String unitCode);

    /**
     * The unit whatever the caller's scope, for a module that has itself decided that the caller may see it: the
     * registration authority reading the unit of an application, a certificate or a person's homes anywhere in the
     * city (电子证照, 无房证明, 权利人查询本人名下的不动产 — 互联网+不动产登记建设指南 二（一）7), which audits.
     */
    Optional<UnitView> findUnitCityWide(String unitCode);

    /**
     * Changes one status aspect of a unit and records why (建房规〔2020〕4号 一（四）).
     *
     * @param expectedVersion the unit version the caller decided on, or {@code null} to change whatever the
     *                        current version is
     * @throws cn.tongban.kernel.NotFoundException if there is no such unit
     * @throws cn.tongban.kernel.ConflictException if the unit changed meanwhile or already has that value
     */
    void changeStatus(String unitCode, StatusAspect aspect, String newValue, String reason, String sourceDocument,
            String recordedBy, Long expectedVersion);

    List<StatusChange> history(String unitCode);

    /**
     * Replaces the unit's owners with those just registered (登簿) — the 楼盘表 keeps the owners in force beside the
     * register book, which stays the record (建房规〔2020〕4号 一（四）: 权利状况 loaded into the 楼盘表).
     *
     * @throws cn.tongban.kernel.NotFoundException if there is no such unit
     */
    void registerOwners(String unitCode, List<RegisteredOwner> owners);

    /**
     * An owner as registered, in clear.
     *
     * @param idType      交易者证件名称 code (01 居民身份证, 02 统一社会信用代码证 …)
     * @param coOwnership 共有方式 code
     */
    record RegisteredOwner(String name, String idType, String idNumber, String coOwnership, String share,
            String certificateNo, java.time.LocalDate registeredOn) {
    }

    /** The 预售许可 and 现售备案 that cover the unit, whatever their validity. */
    List<SalePermit> permitsCovering(String unitCode);

    /**
     * A permit that allows selling a new home (城市房地产管理法 第四十五条; 商品房销售管理办法 第七条).
     *
     * @param kind PRESALE (商品房预售许可) or SPOT_SALE (现售备案)
     */
    record SalePermit(String permitNo, String kind, java.time.LocalDate validFrom, java.time.LocalDate validTo) {

        public boolean validOn(java.time.LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /**
     * The codes of the units of a project, in order (e.g. to lock them all).
     *
     * @throws cn.tongban.kernel.NotFoundException if there is no such project in the caller's scope
     */
    List<String> unitCodesOfProject(long projectId);

    /**
     * The units registered to a person or company, whatever the caller's scope (住房套数 counts homes anywhere in
     * the city), by the blind index of their ID number.
     */
    List<String> unitsOwnedBy(String idNumberIndex);

    /**
     * The units in the caller's scope whose 坐落 contains the text, in unit-code order, with their owners (each owner
     * read is audited, as by {@link #findUnit}).
     */
    cn.tongban.kernel.Page<UnitView> findUnitsByLocation(String text, cn.tongban.kernel.PageRequest page);

    /**
     * The units in the caller's scope whose 不动产单元代码 or 坐落 contains the text (all when it is blank), of this
     * 交易状况 when given, in unit-code order, with their owners (each owner read is audited, as by {@link #findUnit}):
     * what a clerk picks the unit of a contract from.
     */
    cn.tongban.kernel.Page<UnitView> findUnits(String text, TradeStatus tradeStatus, cn.tongban.kernel.PageRequest page);

    /** The unit whose registered owners, as the 楼盘表 keeps them, hold this 不动产权证书号, whatever the caller's scope. */
    Optional<String> unitWithCertificate(String certificateNo);
}
