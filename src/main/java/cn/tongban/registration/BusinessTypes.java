package cn.tongban.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.Money;
import cn.tongban.kernel.NotFoundException;

/**
 * 登记业务类型 with their materials checklists (收件材料清单: item, required or not, accepted formats, size limit, and
 * the shared source that makes it 免提交), fee rule and time limit, configured as data per region
 * (互联网+不动产登记建设指南 二（一）3 资料配置, 8 信息公开): {@code registration/business-types.json}, read once at start;
 * a bad file stops the start.
 */
@Component
class BusinessTypes {

    static final String RESOURCE = "registration/business-types.json";

    /** How a business type is charged. */
    enum FeeRule {
        /** 每件: housing or non-housing rate. */
        PER_ITEM,
        /** 注销登记: no registration fee. */
        NONE_RELEASE,
        /** 人民法院嘱托: no registration fee. */
        NONE_COURT,
        /** 更正、异议登记: no registration fee. */
        NONE_CORRECTION
    }

    record Material(String item, boolean required, List<String> formats, int maxMegabytes, String freeFrom) {
    }

    /** What 缮证 issues: a 不动产权证书, a 不动产登记证明, or nothing (releases, seizures). */
    enum Certificate {
        RIGHT, PROOF, NONE
    }

    /**
     * @param process     the id of the BPMN process that runs applications of this type (processes/*.bpmn20.xml)
     * @param certificate what the type issues at 缮证
     */
    record BusinessType(String code, String name, String description, FeeRule fee, int timeLimitDays, String process,
            Certificate certificate, List<Material> materials) {
    }

    record Fees(String document, String published, String checked, BigDecimal housingPerItem, BigDecimal nonHousingPerItem,
            BigDecimal extraCertificate, String note) {
    }

    @JsonIgnoreProperties({"_source"})
    record Catalog(Fees fees, List<BusinessType> types) {
    }

    private final Catalog catalog;
    private final Map<String, BusinessType> byCode;

    BusinessTypes(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            catalog = json.readValue(in, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the registration business types " + RESOURCE + " are missing or unreadable", e);
        }
        byCode = catalog.types().stream().collect(Collectors.toMap(BusinessType::code, Function.identity()));
        for (BusinessType type : catalog.types()) {
            if (type.materials().stream().noneMatch(Material::required) || type.timeLimitDays() < 1) {
                throw new IllegalStateException(RESOURCE + ": " + type.code() + " needs a required material and a time limit");
            }
        }
    }

    List<BusinessType> all() {
        return catalog.types();
    }

    Fees fees() {
        return catalog.fees();
    }

    BusinessType get(String code) {
        BusinessType type = byCode.get(code);
        if (type == null) {
            throw new NotFoundException("business-type", code);
        }
        return type;
    }

    /**
     * The registration fee of one application (发改价格规〔2016〕2559号): per item, at the housing or non-housing rate,
     * the first certificate included and each further one at the extra-certificate rate; nothing where the type is
     * not charged.
     */
    Money fee(String code, boolean housing, int certificates) {
        BusinessType type = get(code);
        if (type.fee() != FeeRule.PER_ITEM) {
            return Money.of(BigDecimal.ZERO);
        }
        BigDecimal base = housing ? catalog.fees().housingPerItem() : catalog.fees().nonHousingPerItem();
        return Money.of(base.add(catalog.fees().extraCertificate().multiply(BigDecimal.valueOf(Math.max(0, certificates - 1)))));
    }
}
