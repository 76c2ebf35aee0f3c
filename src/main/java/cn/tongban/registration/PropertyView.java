package cn.tongban.registration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.tongban.building.UnitView;
import cn.tongban.restriction.RestrictionRegistry;

/**
 * 不动产登记信息 of one unit as a query answers it (互联网+不动产登记建设指南 二（一）7: 不动产自然状况及是否存在限制等信息):
 * its natural state from the 楼盘表, its rights from the register book, the restrictions in force, and whether the
 * unit's register book verifies. Personal data is masked here, by the query, as the caller may see it.
 */
record PropertyView(String unitCode, NaturalState naturalState, RightsState rights, Restrictions restrictions,
        BookIntegrity registerBook) {

    /** 自然状况. */
    record NaturalState(String districtCode, String location, String buildingCode, int floor, String roomNo,
            BigDecimal buildingArea, BigDecimal innerArea, BigDecimal sharedArea, String houseUse, String landUse,
            String houseNature, String layoutStructure, String tradeStatus) {
    }

    /** Where the owners shown come from. */
    enum OwnershipSource {
        /** The ownership in force in the platform's register book. */
        REGISTER_BOOK,
        /** Owners the 楼盘表 imported from registrations before the platform's book (no book entry yet). */
        BUILDING_TABLE,
        /** No ownership registered. */
        NONE
    }

    /**
     * 权利状况.
     *
     * @param owners            the owners in force, masked unless the caller may see them
     * @param certificateNumber the 不动产权证书号 of the ownership in force
     * @param registeredAt      when the ownership in force was registered (book only)
     * @param mortgages         mortgages in force, by rank (amount, rank and term as registered)
     * @param preNotice         预告登记 in force
     * @param seizures          查封 in force by the book, oldest first (轮候)
     * @param objection         异议登记 in force
     */
    record RightsState(OwnershipSource source, List<Owner> owners, String certificateNumber, OffsetDateTime registeredAt,
            List<Registered> mortgages, Registered preNotice, List<Registered> seizures, Registered objection) {
    }

    /**
     * 权利人.
     *
     * @param self whether this owner is the citizen asking (their own data is shown in clear)
     */
    record Owner(String name, String idType, String idNumber, String coOwnership, String share, boolean self) {
    }

    /** An entry of the register book in force, its content as registered, personal data masked as for owners. */
    record Registered(int seq, String kind, String applicationNo, OffsetDateTime recordedAt, Map<String, Object> content) {
    }

    /**
     * 限制: what the courts, banks and the housing department recorded (restriction module), and the 楼盘表's
     * 权利状况 flags.
     */
    record Restrictions(List<RestrictionRegistry.Seizure> seizures, List<RestrictionRegistry.Mortgage> mortgages,
            List<RestrictionRegistry.PolicyLock> policyLocks, UnitView.Rights flags) {
    }

    /**
     * Whether the unit's hash chain verifies.
     *
     * @param firstBroken the first entry whose hash or link does not follow from what is stored, if any
     */
    record BookIntegrity(int entries, boolean verified, Integer firstBroken) {
    }
}
