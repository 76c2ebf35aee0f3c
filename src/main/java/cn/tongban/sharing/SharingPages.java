package cn.tongban.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.sharing.Assessments.AssessmentSummary;
import cn.tongban.sharing.Catalog.CatalogEntry;
import cn.tongban.sharing.Catalog.CatalogProvider;
import cn.tongban.sharing.Subscriptions.SubscriptionView;

/**
 * The sharing pages (数据共享): the catalog of 常经办发〔2023〕19号 附件1 with its deadlines, grants (建房〔2020〕61号),
 * a provider's delivery upload, the on-time assessment per department and quarter (三（三）严格目标考核), and event
 * subscriptions with their parked webhook deliveries. Reads here; writes go from the page to the JSON API.
 */
@Controller
@RequestMapping("/console/sharing")
class SharingPages {

    private static final String CATALOG_QUERY = "hasAuthority('" + Permissions.CATALOG_QUERY + "')";

    /**
     * An item a provider delivers, with the period the page suggests: the latest one already open for delivery (a
     * period opens when it ends), or for an item due after events the day itself.
     */
    record Deliverable(int no, String name, String period, LocalDate dueOn) {
    }

    /** A subscription with how many of its deliveries wait for a replay. */
    record SubscriptionRow(SubscriptionView subscription, long parked) {
    }

    private final Catalog catalog;
    private final Grants grants;
    private final Assessments assessments;
    private final Subscriptions subscriptions;
    private final CurrentCaller callers;

    SharingPages(Catalog catalog, Grants grants, Assessments assessments, Subscriptions subscriptions,
            CurrentCaller callers) {
        this.catalog = catalog;
        this.grants = grants;
        this.assessments = assessments;
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    /** The catalog, filtered by provider, mode and schedule status, with each item's next due date. */
    @PreAuthorize(CATALOG_QUERY)
    @GetMapping({"", "/catalog"})
    String catalog(@RequestParam(required = false) Integer provider, @RequestParam(required = false) CatalogMode mode,
            @RequestParam(required = false) ScheduleStatus status, Model model) {
        List<CatalogEntry> all = catalog.list(Catalog.today());
        List<CatalogEntry> shown = all.stream()
                .filter(e -> provider == null || e.providerNo() == provider)
                .filter(e -> mode == null || e.mode() == mode)
                .filter(e -> status == null || e.scheduleStatus() == status)
                .toList();
        model.addAttribute("items", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("providers", catalog.providers());
        model.addAttribute("modes", CatalogMode.values());
        model.addAttribute("statuses", ScheduleStatus.values());
        model.addAttribute("provider", provider);
        model.addAttribute("mode", mode);
        model.addAttribute("status", status);
        return "sharing/catalog";
    }

    /** One item in full; those who may edit it get the form (PUT /api/v1/sharing/catalog/{no}). */
    @PreAuthorize(CATALOG_QUERY)
    @GetMapping("/catalog/{no}")
    String item(@PathVariable int no, Model model) {
        model.addAttribute("item", catalog.detail(no, Catalog.today()));
        model.addAttribute("providers", catalog.providers());
        model.addAttribute("modes", CatalogMode.values());
        model.addAttribute("versions", catalog.versions(no));
        return "sharing/item";
    }

    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_QUERY + "')")
    @GetMapping("/grants")
    String grants(@RequestParam(required = false) String departmentCode,
            @RequestParam(defaultValue = "false") boolean includeRevoked, Model model) {
        model.addAttribute("grants", grants.list(blankToNull(departmentCode), null, includeRevoked));
        model.addAttribute("departmentCode", departmentCode);
        model.addAttribute("includeRevoked", includeRevoked);
        model.addAttribute("interfaces", SharingInterface.values());
        model.addAttribute("today", Catalog.today());
        return "sharing/grants";
    }

    /**
     * The upload page of a provider department: its periodic items with their next period. The file goes raw to
     * POST /api/v1/sharing/deliveries with its manifest in headers; the record count and SM3 are the provider's
     * claim, so the provider enters them and the platform checks them against the file.
     */
    @PreAuthorize("hasAuthority('" + Permissions.DELIVERY_SUBMIT + "')")
    @GetMapping("/deliveries")
    String deliveries(Model model) {
        Caller caller = callers.get();
        List<CatalogProvider> mine = catalog.providers().stream()
                .filter(p -> p.departmentCode() != null && p.departmentCode().equals(caller.departmentCode())).toList();
        List<Deliverable> items = new ArrayList<>();
        LocalDate today = Catalog.today();
        for (CatalogProvider provider : mine) {
            for (CatalogItem item : catalog.itemsOf(provider.no())) {
                if (item.schedule().hasDeadlines()) {
                    items.add(deliverable(item, today));
                }
            }
        }
        model.addAttribute("providers", mine);
        model.addAttribute("items", items);
        return "sharing/deliveries";
    }

    /** 考核: on time, late and missing deliveries and the on-time rate of every provider for a quarter. */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_QUERY + "')")
    @GetMapping("/assessments")
    String assessments(@RequestParam(required = false) String quarter, Model model) {
        LocalDate today = Catalog.today();
        String current = quarterOf(today);
        String asked = quarter == null || quarter.isBlank() ? current : quarter.strip();
        List<AssessmentSummary> rows = assessments.summary(asked, today).stream()
                .sorted(Comparator.comparing(AssessmentSummary::providerNo)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("quarter", asked);
        model.addAttribute("quarters", recentQuarters(today, 6));
        return "sharing/assessments";
    }

    /** One provider's quarter, line by line. */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_QUERY + "')")
    @GetMapping("/assessments/{providerNo}")
    String assessment(@PathVariable int providerNo, @RequestParam String quarter, Model model) {
        model.addAttribute("report", assessments.report(providerNo, quarter, Catalog.today()));
        return "sharing/assessment";
    }

    @PreAuthorize("hasAuthority('" + Permissions.SUBSCRIPTION_MANAGE + "')")
    @GetMapping("/subscriptions")
    String subscriptions(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<SubscriptionView> found = subscriptions.list(null, new PageRequest(page, 20));
        List<SubscriptionRow> rows = found.items().stream()
                .map(s -> new SubscriptionRow(s, subscriptions.deliveries(s.id(), "PARKED", new PageRequest(0, 1)).total()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("found", found);
        return "sharing/subscriptions";
    }

    /** A subscription's parked deliveries, to replay once its endpoint works again. */
    @PreAuthorize("hasAuthority('" + Permissions.SUBSCRIPTION_MANAGE + "')")
    @GetMapping("/subscriptions/{id}")
    String subscription(@PathVariable UUID id, @RequestParam(defaultValue = "PARKED") String state, Model model) {
        model.addAttribute("subscription", subscriptions.get(id));
        model.addAttribute("state", state);
        model.addAttribute("deliveries", subscriptions.deliveries(id, state.isBlank() ? null : state, new PageRequest(0, 100)));
        return "sharing/subscription";
    }

    static Deliverable deliverable(CatalogItem item, LocalDate today) {
        Schedule schedule = item.schedule();
        SchedulePeriod period = schedule.nextDue(today);
        if (period == null) {
            return new Deliverable(item.no(), item.name(), today.toString(), null);
        }
        while (today.isBefore(schedule.opens(period))) {
            period = SchedulePeriod.containing(period.unit(), period.start().minusDays(1));
        }
        return new Deliverable(item.no(), item.name(), period.toString(), schedule.dueDate(period));
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** This quarter and the ones before it, newest first. */
    static List<String> recentQuarters(LocalDate today, int count) {
        Map<String, String> quarters = new LinkedHashMap<>();
        LocalDate day = today;
        while (quarters.size() < count) {
            quarters.putIfAbsent(quarterOf(day), quarterOf(day));
            day = day.minusMonths(3);
        }
        return List.copyOf(quarters.keySet());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
