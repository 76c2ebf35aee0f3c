package cn.tongban.restriction;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What restricts a transaction, as the courts, banks and the housing department have recorded it: seizures
 * (查封, 预查封), mortgages (抵押), policy locks (限售) and the list of dishonest debtors (失信被执行人). The filing
 * module's verification asks here (建房规〔2020〕4号 二（五）、（六）; 建房〔2020〕61号 六).
 */
public interface RestrictionRegistry {

    /** Seizures and pre-seizures in force on the unit on that day. */
    List<Seizure> seizures(String unitCode, LocalDate on);

    /** Mortgages registered on the unit and not released. */
    List<Mortgage> mortgages(String unitCode);

    /** Policy locks (限售) in force on the unit on that day, set on the unit itself or on its project. */
    List<PolicyLock> locks(String unitCode, long projectId, LocalDate on);

    /**
     * Everything in force on the unit on that day: seizures and pre-seizures, unreleased mortgages, and policy locks
     * on the unit or on its project ({@code projectId} may be null).
     */
    OnUnit onUnit(String unitCode, Long projectId, LocalDate on);

    /** What {@link #onUnit} finds. */
    record OnUnit(List<Seizure> seizures, List<Mortgage> mortgages, List<PolicyLock> locks) {
    }

    /** The person or company, by 公民身份号码 or 统一社会信用代码, if on the dishonest-debtor list now. */
    Optional<DishonestDebtor> dishonestDebtor(String idNumber);

    /** 查封 or 预查封 by a court. */
    record Seizure(long id, String unitCode, SeizureKind kind, String court, String documentNo, LocalDate from, LocalDate to) {
    }

    enum SeizureKind {
        /** 查封. */
        SEIZURE,
        /** 预查封: on a unit bought under a filed contract, not yet registered. */
        PRE_SEIZURE
    }

    /** 抵押权 of a bank (or other mortgagee) on the unit. */
    record Mortgage(long id, String unitCode, String mortgagee, String documentNo, int rank) {
    }

    /** 限售 or another policy lock set by the housing department, until a date (inclusive). */
    record PolicyLock(long id, String unitCode, Long projectId, LocalDate until, String reason, String documentNo) {
    }

    /** An entry of the 失信被执行人 list pushed by a court. */
    record DishonestDebtor(String caseNo, String court, LocalDate publishedOn) {
    }
}
