package cn.tongban.tax;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.tongban.identity.Permissions;

/**
 * 税费测算 (tax calculation): stateless — nothing is stored and no personal data is read, so nothing is audited.
 * Department systems and staff with {@value Permissions#TAX_CALCULATION_RUN} may call it, and so may citizens signed
 * in to the portal, for their own estimate: the request holds only facts they supply themselves.
 */
@RestController
@RequestMapping("/api/v1/tax/calculations")
class TaxCalculationController {

    private final TaxCalculator calculator;

    TaxCalculationController(TaxCalculator calculator) {
        this.calculator = calculator;
    }

    @Operation(summary = "税费测算", description = "按合同签订日（或所属期末日）有效的税收参数计算契税、增值税、城市维护建设税、教育费附加、地方教育附加、"
            + "个人所得税或资源税；每行给出计税依据、税率、税额、依据和说明；缺少的必要事实列入 undetermined，不按零计算。无状态，不保存。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_CALCULATION_RUN + "') or hasRole('citizen')")
    @PostMapping
    TaxCalculation calculate(@RequestBody TaxCalculationRequest request) {
        return calculator.calculate(request);
    }
}
