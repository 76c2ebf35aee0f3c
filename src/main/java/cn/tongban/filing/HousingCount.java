package cn.tongban.filing;

import java.util.List;

/**
 * 住房套数: how many homes a person or company has — registered to them, or bought under a live filed contract not
 * yet registered — and, where the marriage and household records of 民政 and 公安 are shared, how many their family
 * has: the person, the spouse in a live marriage and their minor children, each home counted once however many of
 * them hold it. What banks, the provident fund and the tax engine decide on (建房〔2020〕61号 二: 以网签备案合同和住房套数
 * 查询结果作为审核依据; 三、四; 常经办发〔2023〕19号 附件1: 纳税人家庭住房登记信息). The seeds do not define the family;
 * person, spouse and minor children is the family of issue #4 item 6, as local purchase (限购) and loan rules count a 家庭.
 */
public interface HousingCount {

    Result of(String idNumber);

    /**
     * @param homes          the homes counted: the family's if {@code familyIncluded}, else the person's own; always the
     *                       size of {@code units}
     * @param registered     units registered to the person themselves
     * @param underContract  units the person themselves is buying under a live filing, not (yet) registered to them
     * @param familyIncluded whether the family was counted: only where the family registry has a record of the person
     *                       (a marriage, live or dissolved, or a child of theirs); without one, having no spouse
     *                       and no children would be a guess, and only the person is counted
     * @param members        whose homes were counted: the person first, then the spouse and minor children
     * @param units          every home counted, once
     */
    record Result(int homes, List<String> registered, List<String> underContract, boolean familyIncluded,
            List<Member> members, List<Home> units) {
    }

    /**
     * One person counted. The number is always masked, even for callers who may see personal data in full, and no
     * name is given: the count needs no one's identity, and spouse and children are not the subject of the query.
     */
    record Member(Relation relation, String idNumber) {
    }

    enum Relation { SELF, SPOUSE, MINOR_CHILD }

    /**
     * @param basis  registered to one of the members, or else bought under a live filing by one of them
     * @param heldBy the masked numbers of the members who own or are buying it (a couple's joint home names both)
     */
    record Home(String unitCode, Basis basis, List<String> heldBy) {
    }

    enum Basis { REGISTERED, UNDER_CONTRACT }
}
