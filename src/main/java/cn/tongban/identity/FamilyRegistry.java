package cn.tongban.identity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.tongban.kernel.PersonalData;

/**
 * 家庭成员信息: who is married to whom, by the marriage records 民政 shares (婚姻登记), and whose children are whose, by
 * the household records of the police (户籍) — what 住房套数 needs to count a family's homes
 * (建房规〔2020〕4号 二（五）: 与公安、民政…联网，自动核验交易主体的身份、婚姻状况; 常经办发〔2023〕19号 附件1:
 * 当事人在民政部门办理婚姻登记的基本信息, 涉税个人身份及户籍人口信息, 实时共享). ID numbers are 公民身份号码; the registry
 * keeps them sealed and finds them by their blind index. Absence of a record proves nothing: see {@link #hasRecordsOf}.
 */
public interface FamilyRegistry {

    /**
     * Whether the registry knows the person's family: they are a party to a marriage record (live or dissolved) or
     * the parent in a parent–child record. Being recorded only as somebody's child says nothing about one's own
     * spouse or children and does not count. Without such a record, having no spouse and no children is unknown, not known.
     */
    boolean hasRecordsOf(String idNumber);

    /**
     * The spouse on that day: a marriage registered on or before it and not dissolved on or before it (a marriage
     * ends the day its dissolution is registered or its judgment takes effect).
     */
    Optional<String> spouseOf(String idNumber, LocalDate on);

    /**
     * The person's recorded children who are minors on that day, by the birth date in their 18-digit number: under
     * 18 周岁 (民法典 第十七条), the 18th birthday itself still counting as under age (周岁 are complete the day
     * after the birthday; 民法典 第二百零一条: 开始的当日不计入). Children not yet born on that day are left out.
     */
    List<String> minorChildrenOf(String idNumber, LocalDate on);

    /**
     * Records a marriage (民政 婚姻登记); the same record again changes nothing.
     *
     * @param dissolvedOn the day it was dissolved, for a marriage that has ended already, else {@code null}
     * @throws cn.tongban.kernel.RuleViolationException a number is invalid, the two are one person, a date is in the
     *                                                  future, or the dissolution precedes the registration
     * @throws cn.tongban.kernel.ConflictException      either party is married to someone else at the time (the
     *                                                  field names which)
     */
    Marriage recordMarriage(String idNumber, String spouseIdNumber, LocalDate registeredOn, LocalDate dissolvedOn,
            String source);

    /**
     * Records the dissolution of the two persons' live marriage (离婚登记 or judgment); the same again changes nothing.
     *
     * @throws cn.tongban.kernel.NotFoundException no marriage of theirs is recorded
     * @throws cn.tongban.kernel.ConflictException their marriage has been dissolved on another day already
     */
    Marriage recordDivorce(String idNumber, String spouseIdNumber, LocalDate dissolvedOn, String source);

    /**
     * Records that a person is a parent of a child (公安 户籍); the same record again changes nothing.
     *
     * @throws cn.tongban.kernel.RuleViolationException a number is invalid, the two are one person, or the child was
     *                                                  born before the parent
     */
    Child recordChild(String parentIdNumber, String childIdNumber, String source);

    /** A marriage as recorded; the two numbers in the order they were given. */
    record Marriage(long id, @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber,
            @PersonalData(PersonalData.Kind.ID_NUMBER) String spouseIdNumber, LocalDate registeredOn, LocalDate dissolvedOn,
            String source, OffsetDateTime recordedAt) {
    }

    /** A parent–child relation as recorded. */
    record Child(long id, @PersonalData(PersonalData.Kind.ID_NUMBER) String parentIdNumber,
            @PersonalData(PersonalData.Kind.ID_NUMBER) String childIdNumber, String source, OffsetDateTime recordedAt) {
    }
}
