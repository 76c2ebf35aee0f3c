package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * 已备案合同 as other modules may read them: the filed contracts of 网签备案 with their parties in clear, for the
 * sharing interfaces of banks, the provident fund, tax, police and courts (建房〔2020〕61号 一 to 六). Reads here are
 * not audited and not scoped: the caller (the sharing module) decides by its grants who may see what, masks what
 * the grant does not show in full, and audits each party's data it passes on.
 */
public interface FiledContracts {

    /** The contract with this filing code, filed or cancelled. */
    Optional<FiledContract> byFilingCode(String filingCode);

    /** The contracts, filed or cancelled, in which the person or company with this blind index is a party, newest first. */
    List<FiledContract> ofParty(String idNumberIndex);

    /**
     * @param unit    the unit as the 楼盘表 knew it at filing ({@code location}, {@code buildingArea}, {@code houseUse} …)
     * @param price   the total price of a sale, the monthly rent of a lease, the secured amount of a mortgage (yuan)
     * @param startOn a lease's first day ({@code null} for other contracts and leases filed before the term was kept)
     * @param endOn   a lease's last day or a mortgage's due date
     * @param first   sellers, landlords or mortgagors
     * @param second  buyers, tenants or mortgagees
     */
    record FiledContract(String filingCode, ContractType type, String status, String unitCode, String districtCode,
            BigDecimal price, String paymentType, String loanType, LocalDate signedOn, LocalDate startOn, LocalDate endOn,
            OffsetDateTime filedAt, java.util.Map<String, Object> unit, List<Party> first, List<Party> second) {

        public boolean isFiled() {
            return "FILED".equals(status);
        }

        public boolean isSale() {
            return type.isSale();
        }

        /** All parties, first side then second. */
        public List<Party> parties() {
            List<Party> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }

    /**
     * A party in clear, with the blind index of its number for the audit log.
     *
     * @param role SELLER, BUYER, LANDLORD, TENANT, MORTGAGOR or MORTGAGEE
     */
    record Party(String role, String idType, String idNumber, String idNumberIndex, String name, String phone,
            String coOwnership, String share) {
    }
}
