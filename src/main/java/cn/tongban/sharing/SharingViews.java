package cn.tongban.sharing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.tongban.filing.FiledContracts;
import cn.tongban.kernel.PersonalData;

/**
 * What the sharing interfaces answer. Personal fields are masked here by the grant ({@link Grant#shown}), not by the
 * caller's permissions: a department sees in full exactly what its grant says, nothing more.
 */
final class SharingViews {

    private SharingViews() {
    }

    /** A filed contract as shared: the unit as filed, the terms and the parties. */
    record SharedContract(String filingCode, String type, String status, String unitCode, String districtCode, String location,
            BigDecimal buildingArea, String houseUse, BigDecimal price, String paymentType, String loanType, LocalDate signedOn,
            LocalDate startOn, LocalDate endOn, OffsetDateTime filedAt, List<SharedParty> sellers, List<SharedParty> buyers) {

        static SharedContract of(FiledContracts.FiledContract c, Grant grant) {
            return new SharedContract(c.filingCode(), c.type().name(), c.status(), c.unitCode(), c.districtCode(),
                    text(c.unit().get("location")), decimal(c.unit().get("buildingArea")), text(c.unit().get("houseUse")), c.price(),
                    c.paymentType(), c.loanType(), c.signedOn(), c.startOn(), c.endOn(), c.filedAt(),
                    c.first().stream().map(p -> SharedParty.of(p, grant)).toList(),
                    c.second().stream().map(p -> SharedParty.of(p, grant)).toList());
        }
    }

    /** A party, its name, number and phone shown as the grant allows. */
    record SharedParty(String role, String idType, String idNumber, String name, String phone, String coOwnership, String share) {

        static SharedParty of(FiledContracts.Party p, Grant grant) {
            return new SharedParty(p.role(), p.idType(), grant.shown(PersonalData.Kind.ID_NUMBER, p.idNumber()),
                    grant.shown(PersonalData.Kind.NAME, p.name()), grant.shown(PersonalData.Kind.PHONE, p.phone()),
                    p.coOwnership(), p.share());
        }
    }

    /**
     * 贷款计算基数 (建房〔2020〕61号 二、三): the lower of filed price and appraisal; {@code gapFlagged} when any two of filed
     * price, appraisal and actual funds differ by more than {@code gapRatioLimit} of the lower one (显著差异).
     */
    record LoanBase(String filingCode, BigDecimal filedPrice, BigDecimal appraisal, BigDecimal funds, BigDecimal base,
            BigDecimal gapRatioLimit, boolean gapFlagged, List<Gap> gaps) {
    }

    /** Two of the amounts and how far apart they are, as a ratio of the lower. */
    record Gap(String between, String and, BigDecimal ratio, boolean significant) {
    }

    /**
     * 按实际租房金额提取住房公积金 (建房〔2020〕61号 三): the monthly amount by {@code rule} from the lease rent, the rent tax
     * receipt and the market rent level (per m² × the unit's building area); {@code null} where not present.
     */
    record RentWithdrawal(String filingCode, LocalDate startOn, LocalDate endOn, boolean leaseInForce, BigDecimal leaseRent,
            BigDecimal taxReceiptRent, BigDecimal marketRentPerSqm, BigDecimal marketRent, String rule, BigDecimal monthlyAmount) {
    }

    /**
     * 居住证 (建房〔2020〕61号 五): whether the person lives there by a live filed lease, a filed purchase or registered
     * ownership — and nothing more than the kind and dates.
     *
     * @param basis LEASE, PURCHASE or OWNERSHIP; null when not resident
     */
    record ResidenceAnswer(boolean resident, String basis, String contractType, LocalDate startOn, LocalDate endOn) {

        static final ResidenceAnswer NO = new ResidenceAnswer(false, null, null, null, null);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
