package cn.tongban.restriction;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.kernel.NotFoundException;

/** {@link SeizureOrders} on the module's own services: the same rules, the same audit as its endpoints. */
@Component
class SeizureOrderDesk implements SeizureOrders {

    private final Seizures seizures;
    private final DishonestDebtors debtors;
    private final JdbcClient jdbc;

    SeizureOrderDesk(Seizures seizures, DishonestDebtors debtors, JdbcClient jdbc) {
        this.seizures = seizures;
        this.debtors = debtors;
        this.jdbc = jdbc;
    }

    @Override
    public RestrictionRegistry.Seizure seize(String unitCode, RestrictionRegistry.SeizureKind kind, String court,
            String documentNo, LocalDate validFrom, LocalDate validTo) {
        return seizure(seizures.create(new Seizures.NewSeizure(unitCode, kind, court, documentNo, validFrom, validTo)));
    }

    @Override
    @Transactional
    public RestrictionRegistry.Seizure release(String unitCode, String documentNo, String releaseDocumentNo) {
        long id = jdbc.sql("SELECT id FROM seizure WHERE unit_code = ? AND document_no = ?")
                .params(unitCode, documentNo.strip()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("seizure", documentNo.strip()));
        return seizure(seizures.release(id, releaseDocumentNo));
    }

    @Override
    public RestrictionRegistry.DishonestDebtor listDebtor(String idNumber, String name, String caseNo, String court,
            LocalDate publishedOn) {
        return debtor(debtors.create(new DishonestDebtors.NewDebtor(idNumber, name, caseNo, court, publishedOn)));
    }

    @Override
    public RestrictionRegistry.DishonestDebtor removeDebtor(String idNumber, String caseNo, String documentNo, LocalDate removedOn) {
        return debtor(debtors.remove(idNumber, caseNo, documentNo, removedOn));
    }

    private static RestrictionRegistry.Seizure seizure(Seizures.SeizureView view) {
        return new RestrictionRegistry.Seizure(view.id(), view.unitCode(), view.kind(), view.court(), view.documentNo(),
                view.validFrom(), view.validTo());
    }

    private static RestrictionRegistry.DishonestDebtor debtor(DishonestDebtors.DebtorView view) {
        return new RestrictionRegistry.DishonestDebtor(view.caseNo(), view.court(), view.publishedOn());
    }
}
