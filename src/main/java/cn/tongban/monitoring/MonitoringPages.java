package cn.tongban.monitoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.AdministrativeDivision;

/**
 * The market monitoring page (建房规〔2020〕4号 五（十三）): a filter form and the four views, whose charts and tables
 * {@code static/js/monitoring.js} loads from {@code GET /api/v1/monitoring/...} (no inline script: CSP). The page
 * itself reads nothing but the caller's districts; the API checks the filter and answers problem+json, shown next
 * to the field.
 */
@Controller
class MonitoringPages {

    /** GB/T 17986.1 top-level uses (房屋用途大类), 10 住宅 to 80 其他. */
    static final List<String> USES = List.of("10", "20", "30", "40", "50", "60", "70", "80");
    /** What the charts' script needs to label its series and columns, from this bundle's {@code monitoring.pages.js.*}. */
    static final List<String> SCRIPT_LABELS = List.of("filings", "registrations", "sales", "totalValue", "totalValueTenThousand", "totalPrice", "totalArea",
            "averageUnitPrice", "district", "month", "use", "type", "filingCode", "signedOn", "filedAt", "price", "buildingArea",
            "unitPrice", "referenceUnitPrice", "referenceSource", "ratio", "direction", "LOW", "HIGH", "BENCHMARK",
            "DISTRICT_AVERAGE", "NEW_SALE", "EXISTING_SALE", "empty", "showTable", "hideTable", "loading", "failed", "truncated",
            "yuanPerSquareMetre", "tenThousandYuan", "count", "all");

    private final CurrentCaller callers;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final String city;
    private final BigDecimal lowShare;
    private final BigDecimal highShare;

    MonitoringPages(CurrentCaller callers, MessageSource messages, ObjectMapper json,
            @Value("${tongban.monitoring.city:320400}") String city,
            @Value("${tongban.monitoring.low-share:0.70}") BigDecimal lowShare,
            @Value("${tongban.monitoring.high-share:1.50}") BigDecimal highShare) {
        this.callers = callers;
        this.messages = messages;
        this.json = json;
        this.city = city;
        this.lowShare = lowShare;
        this.highShare = highShare;
    }

    @GetMapping("/console/monitoring")
    @PreAuthorize("hasAuthority('" + Permissions.MONITORING_MARKET_QUERY + "')")
    String market(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String district, @RequestParam(required = false) String use,
            @RequestParam(required = false) String low, @RequestParam(required = false) String high, Model model, Locale locale)
            throws JsonProcessingException {
        YearMonth now = YearMonth.now(MonitoringRequest.CHINA);
        model.addAttribute("from", from == null ? now.minusMonths(11).toString() : from);
        model.addAttribute("to", to == null ? now.toString() : to);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("use", use == null ? "" : use);
        model.addAttribute("low", low == null ? lowShare.toPlainString() : low);
        model.addAttribute("high", high == null ? highShare.toPlainString() : high);
        Map<String, String> districts = districts(callers.get());
        model.addAttribute("districts", districts);
        model.addAttribute("uses", USES);
        Map<String, Object> labels = new LinkedHashMap<>();
        SCRIPT_LABELS.forEach(key -> labels.put(key, messages.getMessage("monitoring.pages.js." + key, null, locale)));
        Map<String, String> useNames = new LinkedHashMap<>();
        USES.forEach(u -> useNames.put(u, messages.getMessage("monitoring.pages.use." + u, null, locale)));
        labels.put("districts", districts);
        labels.put("uses", useNames);
        model.addAttribute("labels", json.writeValueAsString(labels));
        return "monitoring/market";
    }

    /** The districts the caller may choose: its own, or the county-level divisions of the city for city-wide staff. */
    private Map<String, String> districts(Caller caller) {
        Map<String, String> districts = new LinkedHashMap<>();
        if (caller.allDistricts()) {
            AdministrativeDivision.of(city).children().stream().filter(AdministrativeDivision::isCountyLevel)
                    .forEach(d -> districts.put(d.code(), d.name()));
        } else {
            caller.districts().stream().sorted().forEach(code -> districts.put(code,
                    AdministrativeDivision.find(code).map(AdministrativeDivision::name).orElse(code)));
        }
        return districts;
    }
}
