package cn.tongban.filing;

import java.util.List;

/**
 * 住房套数: how many homes a person or company has — registered to them, or bought under a live filed contract not
 * yet registered. What banks, the provident fund and the tax engine decide on (建房〔2020〕61号 二、三、四).
 */
public interface HousingCount {

    Result of(String idNumber);

    /**
     * @param registered     units registered to the person
     * @param underContract  units the person is buying under a live filing, not (yet) registered to them
     * @param familyIncluded whether the spouse and minor children were counted — only where marriage and household
     *                       data is shared, which it is not yet
     */
    record Result(int homes, List<String> registered, List<String> underContract, boolean familyIncluded) {
    }
}
