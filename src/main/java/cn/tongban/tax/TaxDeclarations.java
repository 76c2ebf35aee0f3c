package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.filing.ContractType;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.tax.FiledContracts.FiledContract;
import cn.tongban.tax.TaxCalculationRequest.Buyer;
import cn.tongban.tax.TaxCalculationRequest.PartyKind;
import cn.tongban.tax.TaxCalculationRequest.Scenario;
import cn.tongban.tax.TaxCalculationRequest.Seller;
import cn.tongban.tax.TaxCalculationRequest.TransferType;

/**
 * 税费申报 (tax declarations), first part: a declaration pre-filled from the filed contract and the 楼盘表 (免填单,
 * 建房〔2020〕61号 四) — contract date, district, price, floor area, use — calculated on the rules of the contract
 * date; what the platform cannot know (the buyer's homes, the seller's acquisition) is taken from the declarant
 * or asked for in {@code undetermined}, never guessed. Low-price flags, the officer's assessment, confirmation,
 * payment and receipts are not built yet.
 */
@Service
class TaxDeclarations {

    private final FiledContracts contracts;
    private final BuildingTable buildings;
    private final TaxCalculator calculator;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentCaller callers;
    private final ObjectMapper json;

    TaxDeclarations(FiledContracts contracts, BuildingTable buildings, TaxCalculator calculator, JdbcClient jdbc,
            AuditLog audit, CurrentCaller callers, ObjectMapper json) {
        this.contracts = contracts;
        this.buildings = buildings;
        this.calculator = calculator;
        this.jdbc = jdbc;
        this.audit = audit;
        this.callers = callers;
        this.json = json;
    }

    /**
     * What the declarant adds to the filed contract: only facts the platform does not hold.
     *
     * @param filingCode           the filed sale contract's 备案编号
     * @param buyer                the buyer's kind, homes owned before the purchase and relation to the seller
     * @param seller               the seller's acquisition, costs and whether it is the family's only home
     * @param smallTaxpayerHalving whether the seller claims the small-taxpayer halving
     */
    @Schema(description = "申报请求：只填写平台没有的事实；合同日期、行政区划、成交价格、建筑面积、房屋用途由备案合同和楼盘表预填")
    record NewDeclaration(
            @Schema(description = "已备案的买卖合同备案编号", requiredMode = Schema.RequiredMode.REQUIRED) String filingCode,
            @Schema(description = "承受方事实") Buyer buyer,
            @Schema(description = "转让方事实；新建商品房由开发企业（单位）出售") Seller seller,
            @Schema(description = "是否申请增值税小规模纳税人减半") Boolean smallTaxpayerHalving) {
    }

    /**
     * A declaration.
     *
     * @param prefilled   the facts taken from the filed contract and the 楼盘表, and where each came from
     * @param calculation the taxes on the rules of the contract date, with the facts still to be answered
     */
    @Schema(description = "申报")
    record DeclarationView(long id, String filingCode, String status, List<Prefilled> prefilled, TaxCalculation calculation,
            String createdBy, OffsetDateTime createdAt) {
    }

    /** One pre-filled fact: the request field, its value, and its source. */
    @Schema(description = "预填的事实及其来源")
    record Prefilled(String field, String value, String source) {
    }

    @Transactional
    DeclarationView create(NewDeclaration request) {
        if (request.filingCode() == null || request.filingCode().isBlank()) {
            throw new cn.tongban.kernel.RuleViolationException(new cn.tongban.kernel.Violation("filingCode", "tax.required"));
        }
        FiledContract contract = contracts.find(request.filingCode().strip())
                .orElseThrow(() -> new NotFoundException("filed-contract", request.filingCode()));
        if (contract.cancelled()) {
            throw new ConflictException("tax.contract-cancelled", contract.filingCode());
        }
        UnitView unit = buildings.findUnit(contract.unitCode())
                .orElseThrow(() -> new NotFoundException("filed-contract", request.filingCode()));
        // GB/T 17986.1 house use: 1x is residential (住宅)
        boolean residential = unit.houseUse() != null && unit.houseUse().startsWith("1");
        Seller seller = request.seller();
        if (contract.type() == ContractType.NEW_SALE) {
            // 新建商品房: the developer sells; its own VAT is its periodic declaration, not this one
            seller = seller == null ? new Seller(PartyKind.ENTITY, null, null, null, null, null, null, null)
                    : new Seller(PartyKind.ENTITY, seller.acquiredOn(), seller.originalCost(), seller.deedTaxPaidOnAcquisition(),
                            seller.renovationCost(), seller.loanInterest(), seller.transferFees(), seller.onlyFamilyHomeForFiveYears());
        }
        Buyer buyer = request.buyer();
        TaxCalculationRequest facts = new TaxCalculationRequest(Scenario.HOUSING_TRANSFER, contract.signedOn(),
                contract.districtCode(), null, contract.price(), TransferType.SALE, null, null, unit.buildingArea(), residential,
                buyer, seller, request.smallTaxpayerHalving(), null, null, null, null, null, null, null, null, null, null, null);
        TaxCalculation calculation = calculator.calculate(facts);
        String createdBy = callers.get().actorId();
        long id = jdbc.sql("""
                INSERT INTO tax_declaration (filing_code, status, request, calculation, created_by)
                VALUES (?, 'DRAFT', ?::jsonb, ?::jsonb, ?) RETURNING id""")
                .params(contract.filingCode(), write(facts), write(calculation), createdBy)
                .query(Long.class).single();
        audit.record(AuditRecord.change("create", "tax_declaration", Long.toString(id), null));
        return get(id);
    }

    DeclarationView get(long id) {
        return jdbc.sql("""
                SELECT d.id, d.filing_code, d.status, d.request::text, d.calculation::text, d.created_by, d.created_at
                  FROM tax_declaration d WHERE d.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    FiledContract contract = contracts.find(rs.getString(2)).orElseThrow();
                    TaxCalculationRequest facts = read(rs.getString(4), TaxCalculationRequest.class);
                    List<Prefilled> prefilled = prefilled(contract, facts);
                    return new DeclarationView(rs.getLong(1), rs.getString(2), rs.getString(3), prefilled,
                            read(rs.getString(5), TaxCalculation.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("tax-declaration", id));
    }

    private static List<Prefilled> prefilled(FiledContract contract, TaxCalculationRequest facts) {
        return prefilled(contract, facts.area(), Boolean.TRUE.equals(facts.residential()), "楼盘表 房屋 " + contract.unitCode());
    }

    private static List<Prefilled> prefilled(FiledContract contract, BigDecimal area, boolean residential, String unitSource) {
        String filing = "备案合同 " + contract.filingCode();
        List<Prefilled> prefilled = new ArrayList<>();
        prefilled.add(new Prefilled("contractDate", contract.signedOn().toString(), filing + "（签订日，契税法 第九条）"));
        prefilled.add(new Prefilled("districtCode", contract.districtCode(), filing));
        prefilled.add(new Prefilled("price", contract.price().toPlainString(), filing + "（现行版本的成交价格）"));
        prefilled.add(new Prefilled("transferType", TransferType.SALE.name(), filing + "（" + contract.type().name() + "）"));
        prefilled.add(new Prefilled("area", area == null ? null : area.toPlainString(), unitSource + "（建筑面积）"));
        prefilled.add(new Prefilled("residential", Boolean.toString(residential), unitSource + "（房屋用途）"));
        if (contract.type() == ContractType.NEW_SALE) {
            prefilled.add(new Prefilled("seller.kind", PartyKind.ENTITY.name(), filing + "（新建商品房，开发企业出售）"));
        }
        return prefilled;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
