package cn.tongban.restriction;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 抵押权登记 as the registration authority enters it: a mortgage registered in the register book is recorded here
 * too, so that filing's verification and the 楼盘表's 抵押 flag follow the book at once (建房规〔2020〕4号 二（五）).
 * The caller's scope applies, as for the restriction module's own endpoints.
 */
public interface RegisteredMortgages {

    /**
     * Records the mortgage under the registration's proof number and sets the unit's 抵押 flag.
     *
     * @throws cn.tongban.kernel.ConflictException the rank is taken by a mortgage in force, or the number is recorded
     */
    RestrictionRegistry.Mortgage record(String unitCode, String mortgagee, String mortgageeCode, String proofNo,
            BigDecimal amount, int rank, LocalDate registeredOn);

    /**
     * Releases the mortgage recorded under the proof number; the 抵押 flag is cleared when none is left.
     *
     * @throws cn.tongban.kernel.NotFoundException no mortgage of the unit under that number
     */
    void release(String unitCode, String proofNo, String releaseDocumentNo);
}
