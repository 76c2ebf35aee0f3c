package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;

/**
 * 我的合同 (a citizen's own contracts): the filed contracts in which the signed-in citizen is a party, found through
 * the blind index of their ID number — never anyone else's (个人信息保护法 第四十五条: a person may consult their own
 * personal information). The other parties are not shown.
 */
@Service
class MyContracts {

    private final FiledContracts contracts;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;
    private final AuditLog audit;

    MyContracts(FiledContracts contracts, CurrentCaller callers, CitizenSubjects citizens, AuditLog audit) {
        this.contracts = contracts;
        this.callers = callers;
        this.citizens = citizens;
        this.audit = audit;
    }

    /**
     * One of the citizen's contracts.
     *
     * @param role the citizen's role in it: SELLER, BUYER, LANDLORD, TENANT, MORTGAGOR or MORTGAGEE
     */
    @Schema(description = "本人作为当事人的合同")
    record MyContract(String filingCode, ContractType type, @Schema(description = "FILED 已备案；CANCELLED 已注销") String status,
            @Schema(description = "本人在合同中的身份") String role, String unitCode,
            @Schema(description = "坐落（备案时的楼盘表）") String location, BigDecimal price, LocalDate signedOn, OffsetDateTime filedAt) {
    }

    /** The signed-in citizen's contracts, newest first; other callers are refused. */
    List<MyContract> mine() {
        Caller caller = callers.get();
        if (caller.kind() != ActorKind.CITIZEN) {
            throw new AccessDeniedException("citizens only");
        }
        Optional<String> subject = citizens.subjectIndexOf(caller);
        if (subject.isEmpty()) {
            return List.of();
        }
        List<MyContract> mine = contracts.ofParty(subject.get()).stream()
                .map(c -> new MyContract(c.filingCode(), c.type(), c.status(),
                        c.parties().stream().filter(p -> subject.get().equals(p.idNumberIndex())).map(FiledContracts.Party::role)
                                .findFirst().orElse(null),
                        c.unitCode(), c.unit() == null ? null : (String) c.unit().get("location"), c.price(), c.signedOn(), c.filedAt()))
                .toList();
        audit.record(AuditRecord.read("contract", null, subject.get()).withPurpose("本人查询", null));
        return mine;
    }
}
