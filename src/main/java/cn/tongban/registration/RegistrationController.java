package cn.tongban.registration;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.ForbiddenException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 一窗办事 (互联网+不动产登记建设指南 二（一）4–5, 三（一）1): applications from the portal, the extended port and the hall
 * windows; the registrars' steps 受理, 审核, 登簿, 缮证; fee confirmation; progress and work queues.
 */
@RestController
@Validated
@RequestMapping("/api/v1/registrations")
class RegistrationController {

    private static final String HANDLE = "hasAuthority('" + Permissions.REGISTRATION_HANDLE + "')";
    private static final List<String> STEPS = List.of(Workflow.ACCEPT, Workflow.REVIEW, Workflow.REGISTER, Workflow.CERTIFY);

    private final Registrations registrations;
    private final DemoPayments demoPayments;

    RegistrationController(Registrations registrations, DemoPayments demoPayments) {
        this.registrations = registrations;
        this.demoPayments = demoPayments;
    }

    @Operation(summary = "登记申请", description = "当事人网上申请、银行/开发企业/经纪机构延伸端口申请或窗口申请；有备案合同的业务由合同预填当事人和价款（免填单）。")
    @PreAuthorize("isAuthenticated()")
    @PostMapping
    ResponseEntity<Registrations.ApplicationView> submit(@Valid @RequestBody RegistrationRequest request) {
        Registrations.ApplicationView created = registrations.submit(request);
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + created.applicationNo())).body(created);
    }

    @Operation(summary = "办理进度", description = "按申请编号查询：当事人、提交系统和所在区县的登记人员可见。")
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{applicationNo}")
    Registrations.ApplicationView view(@PathVariable String applicationNo) {
        return registrations.view(applicationNo);
    }

    @Operation(summary = "我的申请", description = "公众：本人为当事人的申请；系统：本系统提交的申请。")
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/mine")
    List<Registrations.Summary> mine(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return registrations.mine(limit);
    }

    @Operation(summary = "待办", description = "受理（accept）、审核（review）、登簿（register）、缮证（certify）各环节待办，限本人所辖区县。")
    @PreAuthorize(HANDLE)
    @GetMapping("/tasks")
    List<Registrations.Summary> tasks(@RequestParam String step, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (!STEPS.contains(step)) {
            throw new RuleViolationException(new Violation("step", "registration.step-unknown", step, String.join(", ", STEPS)));
        }
        return registrations.queue(step, page, size);
    }

    @Operation(summary = "受理", description = "ACCEPT 受理；SUPPLEMENT 一次性告知补正（列出缺少的材料）；REJECT 不予受理（须说明理由）。")
    @PreAuthorize(HANDLE)
    @PostMapping("/{applicationNo}/acceptance")
    Registrations.ApplicationView accept(@PathVariable String applicationNo, @Valid @RequestBody RegistrationRequest.Acceptance decision) {
        return registrations.accept(applicationNo, decision);
    }

    @Operation(summary = "补正完成", description = "申请人补齐材料后提交，回到受理环节。")
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/{applicationNo}/resubmission")
    Registrations.ApplicationView resubmit(@PathVariable String applicationNo) {
        return registrations.resubmit(applicationNo);
    }

    @Operation(summary = "审核", description = "APPROVE 审核通过（转移登记未完税的等待完税信息，先税后证）；REFUSE 不予登记（须说明理由）。")
    @PreAuthorize(HANDLE)
    @PostMapping("/{applicationNo}/review")
    Registrations.ApplicationView review(@PathVariable String applicationNo, @Valid @RequestBody RegistrationRequest.Review decision) {
        return registrations.review(applicationNo, decision);
    }

    @Operation(summary = "登簿", description = "再次机器核验（查封、异议、完税、缴费、材料）后记载于登记簿并取得证书（证明）号。")
    @PreAuthorize(HANDLE)
    @PostMapping("/{applicationNo}/registration")
    Registrations.ApplicationView register(@PathVariable String applicationNo) {
        return registrations.register(applicationNo);
    }

    @Operation(summary = "缮证发证", description = "生成SM2签名的电子证书（证明），办结。")
    @PreAuthorize(HANDLE)
    @PostMapping("/{applicationNo}/certificate")
    Registrations.ApplicationView certify(@PathVariable String applicationNo) {
        return registrations.certify(applicationNo);
    }

    @Operation(summary = "登记费收费确认", description = "发改价格规〔2016〕2559号：住宅每件80元、非住宅550元，每增加一本证书10元；金额须与应收一致。")
    @PreAuthorize("hasAuthority('" + Permissions.REGISTRATION_FEE_CONFIRM + "')")
    @PostMapping("/{applicationNo}/payment")
    Registrations.ApplicationView pay(@PathVariable String applicationNo, @Valid @RequestBody RegistrationRequest.Payment payment) {
        return registrations.pay(applicationNo, payment);
    }

    @Operation(summary = "演示缴费", description = "仅演示环境（tongban.registration.demo-payments=true）：申请人在门户缴纳应收登记费，无支付平台。")
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/{applicationNo}/payment/demo")
    Registrations.ApplicationView payDemo(@PathVariable String applicationNo) {
        if (!demoPayments.enabled()) {
            throw new ForbiddenException("registration.demo-payments-off");
        }
        return registrations.payDemo(applicationNo);
    }
}
