package cn.tongban.restriction;

import java.time.LocalDate;

/**
 * 法院推送: what a court's system orders through the sharing interface (建房〔2020〕61号 六: 实时共享…失信被执行人名单、
 * 房屋查封等信息): seizures set and released, dishonest debtors listed and removed. Each takes effect at once — the
 * unit's 查封 flag and the list are what the next filing attempt is verified against. Audited and scoped as the
 * restriction module's own endpoints are.
 */
public interface SeizureOrders {

    /**
     * Records a seizure (or pre-seizure) of the unit and sets its 查封 flag.
     *
     * @throws cn.tongban.kernel.NotFoundException no such unit in the caller's scope
     * @throws cn.tongban.kernel.ConflictException the unit was already seized under this document
     */
    RestrictionRegistry.Seizure seize(String unitCode, RestrictionRegistry.SeizureKind kind, String court, String documentNo,
            LocalDate validFrom, LocalDate validTo);

    /**
     * Releases the unit's seizure ordered by {@code documentNo} under the court's release document; the unit's 查封
     * flag is cleared unless another seizure is in force (轮候查封).
     *
     * @throws cn.tongban.kernel.NotFoundException no seizure of the unit under that document
     * @throws cn.tongban.kernel.ConflictException already released
     */
    RestrictionRegistry.Seizure release(String unitCode, String documentNo, String releaseDocumentNo);

    /** Lists a person or company as a dishonest debtor under the case. */
    RestrictionRegistry.DishonestDebtor listDebtor(String idNumber, String name, String caseNo, String court, LocalDate publishedOn);

    /**
     * Removes the entry of the case from the list.
     *
     * @throws cn.tongban.kernel.NotFoundException no entry of that person under the case
     */
    RestrictionRegistry.DishonestDebtor removeDebtor(String idNumber, String caseNo, String documentNo, LocalDate removedOn);
}
