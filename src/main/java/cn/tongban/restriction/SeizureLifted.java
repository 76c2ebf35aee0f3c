package cn.tongban.restriction;

/**
 * A court released a seizure (解除查封): the registration authority enters 解封登记. Published in the releasing
 * transaction.
 */
public record SeizureLifted(long seizureId, String unitCode, String court, String documentNo, String releaseDocumentNo,
        String recordedBy) {
}
