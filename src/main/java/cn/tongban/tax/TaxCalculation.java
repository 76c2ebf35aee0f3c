package cn.tongban.tax;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * 税费测算结果 (the result of a tax calculation): one line per tax with its base, rate, amount, citation and a
 * zh-CN explanation, totals per payer, and the facts still missing.
 *
 * @param lines        every tax calculated, exempt ones included with amount 0
 * @param totals       the sum of the lines per payer
 * @param undetermined facts needed and not given; the taxes that depend on them have no line
 */
@Schema(description = "税费测算结果")
record TaxCalculation(
        @Schema(description = "每个税种一行；免征的税种以金额 0 列出并引用免税依据") List<Line> lines,
        @Schema(description = "按缴纳人合计，元") Map<Payer, BigDecimal> totals,
        @Schema(description = "缺少的必要事实；依赖它们的税种不列行、不计入合计") List<Undetermined> undetermined) {

    @Schema(description = "税种")
    enum Tax { DEED_TAX, VAT, URBAN_MAINTENANCE_TAX, EDUCATION_SURCHARGE, LOCAL_EDUCATION_SURCHARGE, INDIVIDUAL_INCOME_TAX, RESOURCE_TAX }

    @Schema(description = "缴纳人：BUYER 承受方；SELLER 转让方；TAXPAYER 纳税人")
    enum Payer { BUYER, SELLER, TAXPAYER }

    /**
     * One tax.
     *
     * @param tax         which tax
     * @param payer       who pays it
     * @param base        计税依据, yuan
     * @param rate        the rate applied (after any halving), a fraction
     * @param amount      base × rate, rounded to the fen half up; 0 when exempt
     * @param citation    the documents and articles that set base and rate
     * @param explanation why this rate and not the neighbouring one
     */
    @Schema(description = "一个税种的计算")
    record Line(
            @Schema(description = "税种") Tax tax,
            @Schema(description = "缴纳人") Payer payer,
            @Schema(description = "计税依据，元") BigDecimal base,
            @Schema(description = "适用税率（小数，减半后）") BigDecimal rate,
            @Schema(description = "税额，元，四舍五入到分；免征为 0") BigDecimal amount,
            @Schema(description = "依据：文件、条款") String citation,
            @Schema(description = "说明（中文）：为何适用此税率而非相邻档次") String explanation) {
    }

    /**
     * A fact the calculation needs and was not given.
     *
     * @param fact     the request field
     * @param question what to ask, in zh-CN
     */
    @Schema(description = "缺少的事实")
    record Undetermined(@Schema(description = "请求字段") String fact, @Schema(description = "需要回答的问题") String question) {
    }
}
