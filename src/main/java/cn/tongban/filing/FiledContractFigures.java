package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * 网签备案数据 in figures, for the market monitoring built on them (建房规〔2020〕4号 五（十三）: 建立以房屋网签备案数据为基础的
 * 房地产市场监测体系……加强房屋网签备案价格监测). Counts only contracts in force ({@code FILED}): a cancelled contract is no
 * longer a transaction of the market. Months are those of the filing time (备案时间, Asia/Shanghai), which no clerk
 * can back-date; the use is the top-level GB/T 17986.1 use of the unit as filed ({@code 10} 住宅 …). Not scoped and
 * not audited: the caller decides the districts; no personal data is read.
 */
public interface FiledContractFigures {

    /**
     * @param from      the first month
     * @param to        the last month (inclusive)
     * @param districts county codes to count, {@code null} for all
     * @param houseUse  a top-level use such as {@code 10}, {@code null} for all
     */
    record Query(YearMonth from, YearMonth to, Set<String> districts, String houseUse) {
    }

    /**
     * The contracts of one district, month, type and use.
     *
     * @param totalPrice sum of prices (yuan)
     * @param totalArea  sum of the building areas of the units as filed (m²), of those with an area
     */
    record Figures(String districtCode, String month, ContractType type, String houseUse, long contracts,
            BigDecimal totalPrice, BigDecimal totalArea) {

        /** A sale of a new or an existing home. */
        public boolean isSale() {
            return type.isSale();
        }
    }

    /**
     * One filed sale with what a price check needs.
     *
     * @param buildingArea the unit's building area as filed (m²), {@code null} if the 楼盘表 had none
     */
    record Sale(String filingCode, ContractType type, String districtCode, String houseUse, LocalDate signedOn,
            OffsetDateTime filedAt, BigDecimal price, BigDecimal buildingArea) {
    }

    /** Filed contracts of every type per district, month, type and use. */
    List<Figures> figures(Query query);

    /** The filed sales (new and existing homes) with a building area, oldest first, at most {@code limit}. */
    List<Sale> sales(Query query, int limit);
}
