package cn.tongban.building;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import cn.tongban.kernel.PersonalData;

/**
 * 户 of the 楼盘表 as other modules and the API see it: where it is, its areas and uses, its 交易状况 and 权利状况,
 * its registered owners.
 */
public record UnitView(String unitCode, String houseCode, long buildingId, String buildingCode, long projectId,
        String districtCode, String developerCreditCode, String location, int floor, String roomNo, BigDecimal buildingArea, BigDecimal innerArea,
        BigDecimal sharedArea, String houseUse, String landUse, String houseNature, String houseType,
        String roomLayout, String layoutStructure, String orientation, String houseState, TradeStatus tradeStatus,
        Rights rights, List<Owner> owners, long version) {

    /** 权利状况. */
    public record Rights(boolean advanceNotice, boolean seized, boolean mortgaged, boolean objection, boolean locked,
            boolean constructionMortgage) {
    }

    /** 房屋所有权人 as registered; personal data masked in responses unless the caller may see it. */
    public record Owner(@PersonalData(PersonalData.Kind.NAME) String name, String idType,
            @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber, @JsonIgnore String idNumberIndex,
            String coOwnership, String share, String certificateNo) {
    }
}
