package cn.tongban.filing;

/** A filed contract was cancelled (注销网签备案); its unit may be filed again. */
public record ContractCancelled(String filingCode, ContractType type, String unitCode, String basis) {
}
