package cn.tongban.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

import cn.tongban.TongbanApplication;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * The auditors' page (审计日志查询, permission {@value cn.tongban.identity.Permissions#AUDIT_QUERY}): search the log by
 * time, actor, action, resource and subject, page through it, export the same search as CSV, and see and run the
 * verification of the chain (互联网+不动产登记建设指南 五: 日志防篡改、保存时长不小于1年).
 *
 * <p>A subject is searched by ID number, turned into its blind index as the API does; the links this page builds
 * (pages, CSV) carry the blind index, never the number.
 */
@Controller
@RequestMapping("/console/audit")
class AuditPages {

    private static final String AUDITOR = "hasAuthority('" + Permissions.AUDIT_QUERY + "')";

    private static final ZoneId CHINA = ZoneId.of(TongbanApplication.ZONE);
    private static final int PAGE_SIZE = 20;

    /** The search as typed: times from {@code datetime-local} inputs, China time. */
    static final class Search {
        private String from;
        private String to;
        private String actorId;
        private String action;
        private String resourceType;
        private String idNumber;
        private String subjectIndex;
        private int page;

        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public String getTo() { return to; }
        public void setTo(String to) { this.to = to; }
        public String getActorId() { return actorId; }
        public void setActorId(String actorId) { this.actorId = actorId; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public String getResourceType() { return resourceType; }
        public void setResourceType(String resourceType) { this.resourceType = resourceType; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public String getSubjectIndex() { return subjectIndex; }
        public void setSubjectIndex(String subjectIndex) { this.subjectIndex = subjectIndex; }
        public int getPage() { return page; }
        public void setPage(int page) { this.page = Math.max(0, page); }

        boolean empty() {
            return blank(from) && blank(to) && blank(actorId) && blank(action) && blank(resourceType) && blank(idNumber)
                    && blank(subjectIndex);
        }
    }

    private final AuditEvents events;
    private final AuditSearch search;
    private final AuditVerification verification;
    private final AuditLog audit;
    private final MessageSource messages;

    AuditPages(AuditEvents events, AuditSearch search, AuditVerification verification, AuditLog audit,
            MessageSource messages) {
        this.events = events;
        this.search = search;
        this.verification = verification;
        this.audit = audit;
        this.messages = messages;
    }

    @PreAuthorize(AUDITOR)
    @GetMapping
    String page(@ModelAttribute("search") Search form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = time(form.getFrom(), "from", errors);
        Instant to = time(form.getTo(), "to", errors);
        AuditEvents.Filter filter = null;
        try {
            filter = search.filter(from, to, form.getActorId(), form.getAction(), form.getResourceType(),
                    form.getSubjectIndex(), form.getIdNumber());
        } catch (RuleViolationException e) {
            for (Violation v : e.violations()) {
                errors.putIfAbsent(v.field() == null ? "form" : v.field(), message("rule." + v.code(), v.args()));
            }
        }
        if (errors.isEmpty()) {
            Page<AuditEvents.EventView> found = events.list(filter, new PageRequest(form.getPage(), PAGE_SIZE));
            audit.record(new AuditRecord("audit.query", "audit_event", null, filter.subjectIndex(),
                    AuditOutcome.SUCCESS, null, null, false));
            model.addAttribute("results", found);
            model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
            model.addAttribute("csvUrl", link("/api/v1/audit/events.csv", form, filter, null));
            model.addAttribute("previousUrl", form.getPage() > 0 ? link("/console/audit", form, filter, form.getPage() - 1) : null);
            model.addAttribute("nextUrl", (long) (form.getPage() + 1) * PAGE_SIZE < found.total()
                    ? link("/console/audit", form, filter, form.getPage() + 1) : null);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("last", verification.last().orElse(null));
        return "audit/events";
    }

    /** Verifies the whole chain now: the fragment for htmx, else back to the page. */
    @PreAuthorize(AUDITOR)
    @PostMapping("/verification")
    String verifyNow(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        AuditVerification.Run run = verification.verifyAndRecord(null, null);
        if (htmx == null) {
            return "redirect:/console/audit";
        }
        model.addAttribute("last", run);
        return "audit/events :: verification";
    }

    /** The same search as a URL: the subject by its blind index, never the ID number. */
    private static String link(String path, Search form, AuditEvents.Filter filter, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (filter.from() != null) {
            uri.queryParam("from", path.startsWith("/api") ? filter.from().toString() : form.getFrom());
        }
        if (filter.to() != null) {
            uri.queryParam("to", path.startsWith("/api") ? filter.to().toString() : form.getTo());
        }
        param(uri, "actorId", filter.actorId());
        param(uri, "action", filter.action());
        param(uri, "resourceType", filter.resourceType());
        param(uri, "subjectIndex", filter.subjectIndex());
        if (page != null) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder uri, String name, String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private Instant time(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, message("audit-pages.time-format", new Object[0]));
            return null;
        }
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
