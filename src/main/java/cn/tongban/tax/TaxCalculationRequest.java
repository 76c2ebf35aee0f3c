package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * 税费计算请求 (a tax calculation request): the facts of one housing transfer, one period's urban maintenance tax
 * or one period's resource tax. Facts that are left out and needed are answered as {@code undetermined}, never
 * assumed; facts that break a rule are refused with the field named.
 */
@Schema(description = "税费测算请求：一次房屋权属转移、一期城市维护建设税及附加、或一期资源税的事实。缺少的必要事实在响应的 undetermined 中列出，不按零计算。")
record TaxCalculationRequest(
        @Schema(description = "测算情形：HOUSING_TRANSFER 房屋权属转移；URBAN_MAINTENANCE 城市维护建设税及教育费附加、地方教育附加；RESOURCE_TAX 资源税（外购矿扣减）", requiredMode = Schema.RequiredMode.REQUIRED)
        Scenario scenario,
        @Schema(description = "HOUSING_TRANSFER：权属转移合同签订日（契税法 第九条 纳税义务发生时间），决定适用哪一期规则；增值税、个人所得税亦按此日估算", example = "2025-09-01")
        LocalDate contractDate,
        @Schema(description = "房屋或纳税人所在地的县级行政区划代码（GB/T 2260，如 320402 天宁区），决定省级税率和城市维护建设税税率", example = "320402")
        String districtCode,
        @Schema(description = "纳税人所在地类别（城市维护建设税法 第四条）：URBAN 市区 7%，COUNTY_TOWN 县城、镇 5%，OTHER 其他 1%；不填则由行政区划推定（市辖区、县级市为市区，县为县城）")
        LocationCategory locationCategory,
        @Schema(description = "HOUSING_TRANSFER：合同成交价格，含增值税，元（两位小数以内）", example = "3150000.00")
        BigDecimal price,
        @Schema(description = "转移方式：SALE 买卖；EXCHANGE 互换；GIFT 赠与；INHERITANCE 继承（契税法 第二条、第四条）")
        TransferType transferType,
        @Schema(description = "税务机关核定的价格，元：赠与、继承等没有价格的转移的契税计税依据（契税法 第四条（三））；买卖中申报价格明显偏低时由税务机关核定（第四条 第二款），填写后以此为契税计税依据")
        BigDecimal assessedPrice,
        @Schema(description = "EXCHANGE：互换价格差额，元；正数由承受方（buyer）支付，负数由转让方（seller）支付，支付差额的一方缴纳契税（契税法 第四条（二））")
        BigDecimal exchangeDifference,
        @Schema(description = "建筑面积，平方米（两位小数以内，大于0），决定住房契税优惠的档次", example = "89.00")
        BigDecimal area,
        @Schema(description = "是否住房；住房契税优惠只适用于住房")
        Boolean residential,
        @Schema(description = "承受方（买方、受赠人、继承人）")
        Buyer buyer,
        @Schema(description = "转让方（卖方、赠与人、被继承人）")
        Seller seller,
        @Schema(description = "是否增值税小规模纳税人减半征收城市维护建设税、教育费附加、地方教育附加（财政部 税务总局公告2023年第12号 二）；默认 false", defaultValue = "false")
        Boolean smallTaxpayerHalving,
        @Schema(description = "URBAN_MAINTENANCE、RESOURCE_TAX：所属期末日，决定适用哪一期规则", example = "2025-09-30")
        LocalDate periodEnd,
        @Schema(description = "URBAN_MAINTENANCE：依法实际缴纳的增值税（不含进口环节），元（城市维护建设税法 第二条）")
        BigDecimal vatPaid,
        @Schema(description = "URBAN_MAINTENANCE：依法实际缴纳的消费税（不含进口环节），元")
        BigDecimal consumptionTaxPaid,
        @Schema(description = "URBAN_MAINTENANCE：期末留抵退税退还的增值税，元，从计税依据中扣除（城市维护建设税法 第二条 第二款）")
        BigDecimal retainedCreditVatRefund,
        @Schema(description = "URBAN_MAINTENANCE：进口货物缴纳的增值税，元；不征收城市维护建设税（第三条），仅在说明中列示")
        BigDecimal importVatPaid,
        @Schema(description = "RESOURCE_TAX：应税产品销售额，元")
        BigDecimal salesAmount,
        @Schema(description = "RESOURCE_TAX：适用税率（小数，如 0.06）；RAW_WASHED_INTO_CONCENTRATE 时默认为选矿产品税率，填写则必须与之相同")
        BigDecimal rate,
        @Schema(description = "RESOURCE_TAX：本地区原矿适用税率（小数）")
        BigDecimal rawOreRate,
        @Schema(description = "RESOURCE_TAX：本地区选矿产品适用税率（小数）")
        BigDecimal concentrateRate,
        @Schema(description = "RESOURCE_TAX：外购原矿或外购选矿产品的购进金额，元")
        BigDecimal purchasedAmount,
        @Schema(description = "RESOURCE_TAX：外购矿的混合方式（国家税务总局公告2020年第14号 一）：SAME_PRODUCT 混合为同类产品销售，直接扣减购进金额；RAW_WASHED_INTO_CONCENTRATE 外购原矿与自采原矿混合洗选为选矿产品销售，按原矿税率÷选矿税率折算扣减")
        Mixing mixing) {

    /** The same facts with the price the tax office assessed (契税法 第四条 第二款). */
    TaxCalculationRequest withAssessedPrice(BigDecimal assessed) {
        return new TaxCalculationRequest(scenario, contractDate, districtCode, locationCategory, price, transferType, assessed,
                exchangeDifference, area, residential, buyer, seller, smallTaxpayerHalving, periodEnd, vatPaid, consumptionTaxPaid,
                retainedCreditVatRefund, importVatPaid, salesAmount, rate, rawOreRate, concentrateRate, purchasedAmount, mixing);
    }

    @Schema(description = "测算情形")
    enum Scenario { HOUSING_TRANSFER, URBAN_MAINTENANCE, RESOURCE_TAX }

    @Schema(description = "纳税人所在地类别（城市维护建设税法 第四条）")
    enum LocationCategory { URBAN, COUNTY_TOWN, OTHER }

    @Schema(description = "权属转移方式")
    enum TransferType { SALE, EXCHANGE, GIFT, INHERITANCE }

    @Schema(description = "主体类别：INDIVIDUAL 个人；ENTITY 单位")
    enum PartyKind { INDIVIDUAL, ENTITY }

    @Schema(description = "承受方与转让方的关系：NONE 无；SPOUSE 婚姻关系存续期间的配偶（契税法 第六条（四））；LEGAL_HEIR 法定继承人（第六条（五））")
    enum Relation { NONE, SPOUSE, LEGAL_HEIR }

    @Schema(description = "外购矿混合方式（国家税务总局公告2020年第14号 一）")
    enum Mixing { SAME_PRODUCT, RAW_WASHED_INTO_CONCENTRATE }

    /**
     * 承受方.
     *
     * @param kind                     individual or entity
     * @param homesOwnedBeforePurchase homes the buyer's family (buyer, spouse, minor children) owns before this one
     * @param relationToSeller         for the exemptions of 契税法 第六条（四）（五）
     * @param reacquisition            why the buyer acquires anew, for the provincial options of 契税法 第七条
     */
    @Schema(description = "承受方")
    record Buyer(
            @Schema(description = "INDIVIDUAL 个人；ENTITY 单位") PartyKind kind,
            @Schema(description = "购房前家庭（本人、配偶、未成年子女）已有住房套数：0 为家庭唯一住房，1 为第二套，2 及以上不享受住房契税优惠") Integer homesOwnedBeforePurchase,
            @Schema(description = "与转让方的关系，默认 NONE") Relation relationToSeller,
            @Schema(description = "重新承受的原因（契税法 第七条，由省决定免征或减征）：NONE 无；EXPROPRIATION 土地、房屋被县级以上人民政府征收、征用；FORCE_MAJEURE 住房因不可抗力灭失。默认 NONE") Reacquisition reacquisition) {

        Buyer(PartyKind kind, Integer homesOwnedBeforePurchase, Relation relationToSeller) {
            this(kind, homesOwnedBeforePurchase, relationToSeller, null);
        }
    }

    /** 契税法 第七条: the two cases a province may exempt or relieve. */
    enum Reacquisition { NONE, EXPROPRIATION, FORCE_MAJEURE }

    /**
     * 转让方.
     *
     * @param kind                       individual or entity
     * @param acquiredOn                 when the seller acquired the home: the earlier of the ownership certificate
     *                                   and the deed-tax receipt; starts the holding periods
     * @param originalCost               房屋原值: the price the seller paid; absent = not proven (assessed income tax)
     * @param deedTaxPaidOnAcquisition   deed tax the seller paid when acquiring it
     * @param renovationCost             renovation proven by invoices (deductible up to a cap)
     * @param loanInterest               housing-loan interest paid
     * @param transferFees               fees of this transfer (手续费、公证费)
     * @param onlyFamilyHomeForFiveYears the family's only home, lived in for five years or more
     */
    @Schema(description = "转让方")
    record Seller(
            @Schema(description = "INDIVIDUAL 个人；ENTITY 单位") PartyKind kind,
            @Schema(description = "取得该住房的日期（房屋产权证或契税完税凭证注明时间较早者），起算持有年限", example = "2024-03-15") LocalDate acquiredOn,
            @Schema(description = "房屋原值：购置时实际支付的房价款，元；不填视为不能提供完整、准确的原值凭证，个人所得税按核定征收率计算（国税发〔2006〕108号 三）") BigDecimal originalCost,
            @Schema(description = "取得时缴纳的契税，元，计入房屋原值") BigDecimal deedTaxPaidOnAcquisition,
            @Schema(description = "有发票的装修费用，元；最高扣除房屋原值的10%（国税发〔2006〕108号 二（二））") BigDecimal renovationCost,
            @Schema(description = "住房贷款利息，元") BigDecimal loanInterest,
            @Schema(description = "转让时支付的手续费、公证费等，元") BigDecimal transferFees,
            @Schema(description = "是否家庭唯一生活用房且自用5年以上（财税字〔1999〕278号 四）") Boolean onlyFamilyHomeForFiveYears) {
    }
}
