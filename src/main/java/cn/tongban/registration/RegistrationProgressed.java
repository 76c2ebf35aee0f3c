package cn.tongban.registration;

import java.time.OffsetDateTime;

/**
 * 办理进度: an application moved one step (申请, 受理, 补正, 审核, 完税, 缴费, 登簿, 发证, 嘱托), published in the step's
 * transaction so that the progress is pushed to whoever follows it (互联网+不动产登记建设指南 二（一）5: 实时反馈办理进度;
 * the submitting bank, developer or brokerage through the event feed). Codes only.
 *
 * @param progressId the progress record's id: one event per step taken
 * @param step       the step in Chinese, as the applicant sees it (受理 …)
 * @param outcome    the application's status after the step (ACCEPTED, SUPPLEMENT_REQUIRED …)
 */
public record RegistrationProgressed(long progressId, String applicationNo, String businessType, String unitCode,
        String districtCode, String step, String outcome, OffsetDateTime at) {
}
