package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.tongban.kernel.PersonalData;

/** A filed contract as the API shows it: the unit as the 楼盘表 knew it at filing, parties masked unless permitted. */
record ContractView(String filingCode, ContractType type, String status, String unitCode, String districtCode,
        BigDecimal price, String paymentType, String loanType, LocalDate signedOn, OffsetDateTime filedAt, String filedBy,
        long version,
        Map<String, Object> unit, List<PartyView> sellers, List<PartyView> buyers, VerificationReport verification) {

    record PartyView(String idType, @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber,
            @PersonalData(PersonalData.Kind.NAME) String name, @PersonalData(PersonalData.Kind.PHONE) String phone,
            String coOwnership, String share) {
    }
}
