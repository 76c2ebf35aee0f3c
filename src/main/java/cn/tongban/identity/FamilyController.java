package cn.tongban.identity;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 家庭成员信息报送: 民政 feeds marriages and divorces (婚姻登记), the police parent–child relations (户籍), as 建房规〔2020〕4号
 * 二（五） has the filing system linked with them. Each record is answered 201 when new, 200 when it was known
 * (feeds may send a record again) or changed an existing one; every write is audited for each person concerned.
 */
@RestController
@RequestMapping("/api/v1/family")
class FamilyController {

    /**
     * @param idNumber       公民身份号码 of one party
     * @param spouseIdNumber 公民身份号码 of the other
     * @param registeredOn   结婚登记日期
     * @param dissolvedOn    离婚登记日期 (or the day a divorce judgment took effect) of a marriage that has ended
     * @param source         who shared the record, e.g. 江苏省婚姻登记信息系统; the caller's department if omitted
     */
    record MarriageRequest(String idNumber, String spouseIdNumber, LocalDate registeredOn, LocalDate dissolvedOn,
            String source) {
    }

    /** The dissolution of the two persons' live marriage; fields as in a marriage. */
    record DivorceRequest(String idNumber, String spouseIdNumber, LocalDate dissolvedOn, String source) {
    }

    /**
     * @param parentIdNumber 公民身份号码 of the parent (户主 or not)
     * @param childIdNumber  公民身份号码 of the child; the birth date it carries decides until when the child is a minor
     * @param source         who shared the record, e.g. 常州市公安局户籍信息; the caller's department if omitted
     */
    record ChildRequest(String parentIdNumber, String childIdNumber, String source) {
    }

    private final FamilyRecords records;

    FamilyController(FamilyRecords records) {
        this.records = records;
    }

    @PreAuthorize("hasAuthority('" + Permissions.FAMILY_RECORD + "')")
    @PostMapping("/marriages")
    ResponseEntity<FamilyRegistry.Marriage> marriage(@RequestBody MarriageRequest request) {
        return answer(records.marriage(request.idNumber(), request.spouseIdNumber(), request.registeredOn(),
                request.dissolvedOn(), request.source()));
    }

    @PreAuthorize("hasAuthority('" + Permissions.FAMILY_RECORD + "')")
    @PostMapping("/divorces")
    FamilyRegistry.Marriage divorce(@RequestBody DivorceRequest request) {
        return records.divorce(request.idNumber(), request.spouseIdNumber(), request.dissolvedOn(), request.source());
    }

    @PreAuthorize("hasAuthority('" + Permissions.FAMILY_RECORD + "')")
    @PostMapping("/children")
    ResponseEntity<FamilyRegistry.Child> child(@RequestBody ChildRequest request) {
        return answer(records.child(request.parentIdNumber(), request.childIdNumber(), request.source()));
    }

    private static <T> ResponseEntity<T> answer(FamilyRecords.Written<T> written) {
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK).body(written.record());
    }
}
