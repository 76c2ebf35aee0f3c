package cn.tongban.tax;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.tongban.identity.Permissions;
import cn.tongban.tax.TaxDeclarations.Assessment;
import cn.tongban.tax.TaxDeclarations.DeclarationView;
import cn.tongban.tax.TaxDeclarations.NewDeclaration;
import cn.tongban.tax.TaxDeclarations.Voiding;

/**
 * 免填单 declarations pre-filled from a filed contract (建房〔2020〕61号 四), the officer's assessment, the taxpayer's
 * confirmation, the payment confirmation with its receipt, and voiding a receipt.
 */
@RestController
@RequestMapping("/api/v1/tax")
class TaxDeclarationController {

    private final TaxDeclarations declarations;
    private final BenchmarkPrices benchmarks;

    TaxDeclarationController(TaxDeclarations declarations, BenchmarkPrices benchmarks) {
        this.declarations = declarations;
        this.benchmarks = benchmarks;
    }

    @Operation(summary = "设定标准房基准价格", description = "价格认定机构按季提出（常经办发〔2023〕19号 二（三）1）；同一区划、用途、季度再次设定即更新。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_BENCHMARK_PRICE_EDIT + "')")
    @PutMapping("/benchmark-prices")
    BenchmarkPrices.BenchmarkPrice setBenchmark(@RequestBody BenchmarkPrices.BenchmarkPrice price) {
        return benchmarks.set(price);
    }

    @PreAuthorize("hasAuthority('" + Permissions.TAX_BENCHMARK_PRICE_QUERY + "')")
    @GetMapping("/benchmark-prices")
    java.util.List<BenchmarkPrices.BenchmarkPrice> benchmarks(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String districtCode) {
        return benchmarks.list(districtCode);
    }

    @Operation(summary = "按备案编号创建申报（免填单）", description = "合同日期、行政区划、成交价格、建筑面积、房屋用途由备案合同和楼盘表预填；"
            + "平台不掌握的事实由申报人填写，缺少的列入 calculation.undetermined。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_CREATE + "')")
    @PostMapping("/declarations")
    ResponseEntity<DeclarationView> create(@RequestBody NewDeclaration request) {
        DeclarationView created = declarations.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tax/declarations/" + created.id())).body(created);
    }

    @Operation(summary = "申报队列", description = "本人辖区的申报，最新在前；flagged=true 只列申报价格明显偏低、尚待核定的（契税法 第四条 第二款），"
            + "flagged=false 列其余的。status：DRAFT、CONFIRMED、PAID、EXEMPTED；district：县级行政区划代码。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_QUERY + "')")
    @GetMapping("/declarations")
    cn.tongban.kernel.Page<TaxDeclarations.DeclarationSummary> search(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Boolean flagged,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String district,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size) {
        return declarations.search(new TaxDeclarations.Filter(blankToNull(status), flagged, blankToNull(district)),
                new cn.tongban.kernel.PageRequest(page, size));
    }

    @Operation(summary = "我的申报", description = "登录的公民作为买受人或出卖人的合同的申报，最新在前；只限本人。")
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/declarations/mine")
    cn.tongban.kernel.Page<TaxDeclarations.DeclarationSummary> mine(
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size) {
        return declarations.mine(new cn.tongban.kernel.PageRequest(page, size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Operation(summary = "查询申报", description = "税务等部门凭权限查询；公民只能查询自己作为买受人或出卖人的合同的申报（其他的答 404）。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_QUERY + "') or hasRole('citizen')")
    @GetMapping("/declarations/{id}")
    DeclarationView get(@PathVariable long id) {
        return declarations.visible(id);
    }

    @Operation(summary = "核定计税价格（契税法 第四条 第二款）", description = "申报价格明显偏低且无正当理由的，由税务机关核定；按核定价格重新计算，须纳税人重新确认。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_ASSESS + "')")
    @PutMapping("/declarations/{id}/assessment")
    DeclarationView assess(@PathVariable long id, @RequestBody Assessment assessment) {
        return declarations.assess(id, assessment);
    }

    @Operation(summary = "纳税人确认申报", description = "所有事实已确定（undetermined 为空）的申报才能确认；公民可在门户确认自己作为合同当事人的申报。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_CREATE + "') or hasRole('citizen')")
    @PostMapping("/declarations/{id}/confirmation")
    DeclarationView confirm(@PathVariable long id) {
        declarations.requireVisible(id); // a citizen: only as a party of the contract
        return declarations.confirm(id);
    }

    @Operation(summary = "缴款确认（国库或银行；演示：本调用）", description = "出具18位完税凭证，无应纳税额的出具减免税凭证，并发布 TaxPaid 事件。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_PAYMENT_CONFIRM + "')")
    @PostMapping("/declarations/{id}/payment")
    DeclarationView confirmPayment(@PathVariable long id) {
        return declarations.confirmPayment(id);
    }

    @Operation(summary = "作废凭证", description = "须说明理由，记入审计日志；申报回到已确认状态。")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_RECEIPT_VOID + "')")
    @PostMapping("/receipts/{receiptNo}/void")
    DeclarationView voidReceipt(@PathVariable String receiptNo, @RequestBody Voiding voiding) {
        return declarations.voidReceipt(receiptNo, voiding);
    }
}
