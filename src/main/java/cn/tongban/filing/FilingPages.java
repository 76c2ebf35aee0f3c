package cn.tongban.filing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.TradeStatus;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.PersonalDataVisibility;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 网签备案 pages for developers' and brokers' clerks: the filing wizard with its live checks, the contract search and
 * a contract with its versions and cancellation (建房规〔2020〕4号 二、三). Writes go to the JSON API from the page;
 * this controller only reads, through this module's services.
 */
@Controller
@RequestMapping("/console/filing")
class FilingPages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Contracts contracts;
    private final ContractChanges changes;
    private final BuildingTable buildingTable;
    private final Dictionaries dictionaries;
    private final CurrentCaller callers;
    private final PersonalDataVisibility visibility;
    private final Validator validator;
    private final MessageSource messages;

    FilingPages(Contracts contracts, ContractChanges changes, BuildingTable buildingTable, Dictionaries dictionaries,
            CurrentCaller callers, PersonalDataVisibility visibility, Validator validator, MessageSource messages) {
        this.contracts = contracts;
        this.changes = changes;
        this.buildingTable = buildingTable;
        this.dictionaries = dictionaries;
        this.callers = callers;
        this.visibility = visibility;
        this.validator = validator;
        this.messages = messages;
    }

    /** The wizard: (1) the unit, (2) the parties, (3) price and terms with the live checks, (4) filing. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CREATE + "')")
    @GetMapping
    String wizard(Model model) {
        Caller caller = callers.get();
        boolean developer = caller.departmentType() == DepartmentType.DEVELOPER;
        model.addAttribute("developer", developer);
        // a developer sells its own new homes: it is the seller (建房规〔2020〕4号 二（五）), filled in for the clerk
        model.addAttribute("sellerIdNumber", developer ? caller.departmentCode() : "");
        model.addAttribute("sellerName", developer ? caller.departmentName() : "");
        model.addAttribute("idTypes", options(DictionaryTypes.PARTY_ID_TYPE));
        model.addAttribute("coOwnerships", options(DictionaryTypes.CO_OWNERSHIP));
        model.addAttribute("paymentTypes", options(DictionaryTypes.PAYMENT_TYPE));
        model.addAttribute("loanTypes", options(DictionaryTypes.LOAN_TYPE));
        model.addAttribute("today", LocalDate.now(CHINA));
        return "filing/wizard";
    }

    /** Step 1: the units the caller may file, by unit code or 坐落; a developer's units on sale only. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CREATE + "')")
    @GetMapping("/units")
    String units(@RequestParam(required = false) String q, Model model) {
        boolean developer = callers.get().departmentType() == DepartmentType.DEVELOPER;
        model.addAttribute("units", buildingTable.findUnits(q, developer ? TradeStatus.AVAILABLE : null, new PageRequest(0, 20)));
        return "filing/units :: list";
    }

    /** A line of the live checks: its result (PASS, WARN, FAIL or TODO for input still missing) and why. */
    record CheckLine(String result, String field, String reason, String source) {
    }

    /**
     * Step 3's live checks: the dry run of POST /api/v1/contracts/verification on what is filled in so far, as a
     * fragment; input still missing or malformed is listed by field instead.
     */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CREATE + "')")
    @PostMapping("/checks")
    String checks(@RequestBody ContractRequest request, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<CheckLine> lines = new ArrayList<>();
        boolean refused = true;
        List<ConstraintViolation<ContractRequest>> invalid = new ArrayList<>(validator.validate(request));
        if (!invalid.isEmpty()) {
            invalid.sort(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()));
            invalid.forEach(v -> lines.add(new CheckLine("TODO", v.getPropertyPath().toString(), v.getMessage(), null)));
        } else {
            try {
                VerificationReport report = contracts.verify(request);
                refused = report.refused();
                report.checks().forEach(c -> lines.add(new CheckLine(c.result().name(), c.field(), c.reason(), c.source())));
            } catch (RuleViolationException e) {
                e.violations().forEach(v -> lines.add(line(v, locale)));
            } catch (InvalidValueException e) {
                lines.add(line(e.at("unitCode"), locale));
            } catch (ConflictException e) {
                lines.add(new CheckLine("FAIL", "unitCode", messages.getMessage("rule." + e.code(), e.args(), e.code(), locale), null));
            } catch (NotFoundException e) {
                lines.add(new CheckLine("FAIL", "unitCode", messages.getMessage("filing-pages.unit-not-found", null, locale), null));
            }
        }
        model.addAttribute("lines", lines);
        model.addAttribute("refused", refused);
        return "filing/checks :: checks";
    }

    private CheckLine line(Violation v, Locale locale) {
        Object[] args = v.args();
        String fallback = args.length == 1 && args[0] instanceof String text ? text : v.code();
        return new CheckLine("TODO", v.field(), messages.getMessage("rule." + v.code(), args, fallback, locale), null);
    }

    /** Contract search: by filing code, or by unit, status and signing dates. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping("/contracts")
    String search(@RequestParam(required = false) String filingCode, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String status, @RequestParam(required = false) LocalDate signedFrom,
            @RequestParam(required = false) LocalDate signedTo, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<Contracts.Summary> found;
        if (filingCode != null && !filingCode.isBlank()) {
            List<Contracts.Summary> one = new ArrayList<>();
            try {
                ContractView c = contracts.get(filingCode.strip());
                one.add(new Contracts.Summary(c.filingCode(), c.type(), c.status(), c.unitCode(), c.districtCode(), c.price(),
                        c.signedOn(), c.filedAt()));
            } catch (NotFoundException e) {
                // none the caller may see: an empty result, as for any other search
            }
            found = new Page<>(one, 0, 20, one.size());
        } else {
            found = contracts.search(new Contracts.Filter(blank(unitCode), null, null, signedFrom, signedTo, blank(status)),
                    new PageRequest(Math.max(page, 0), 20));
        }
        model.addAttribute("contracts", found);
        model.addAttribute("filingCode", filingCode);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("status", status);
        model.addAttribute("signedFrom", signedFrom);
        model.addAttribute("signedTo", signedTo);
        return "filing/contracts";
    }

    /** A contract with its parties (masked unless the caller may see them), versions and the cancellation form. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping("/contracts/{filingCode}")
    String contract(@PathVariable String filingCode, @RequestParam(required = false) String filed, Authentication authentication,
            Model model) {
        ContractView contract = contracts.get(filingCode);
        boolean full = visibility.showsFull();
        model.addAttribute("contract", contract);
        model.addAttribute("sellers", contract.sellers().stream().map(p -> masked(p, full)).toList());
        model.addAttribute("buyers", contract.buyers().stream().map(p -> masked(p, full)).toList());
        model.addAttribute("versions", changes.versions(filingCode));
        model.addAttribute("filed", filed != null);
        model.addAttribute("mayChange", "FILED".equals(contract.status()) && authentication.getAuthorities().stream()
                .anyMatch(a -> Permissions.CONTRACT_CHANGE.equals(a.getAuthority())));
        model.addAttribute("labels", labels(contract));
        return "filing/contract";
    }

    private static ContractView.PartyView masked(ContractView.PartyView p, boolean full) {
        return full ? p : new ContractView.PartyView(p.idType(), Masking.identifier(p.idNumber()), Masking.name(p.name()),
                Masking.phone(p.phone()), p.coOwnership(), p.share());
    }

    /** The labels of the contract's coded terms, in the page's language. */
    private Map<String, String> labels(ContractView contract) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        if (contract.paymentType() != null) {
            labels.put("paymentType", dictionaries.label(DictionaryTypes.PAYMENT_TYPE, contract.paymentType(), locale).orElse(contract.paymentType()));
        }
        if (contract.loanType() != null) {
            labels.put("loanType", dictionaries.label(DictionaryTypes.LOAN_TYPE, contract.loanType(), locale).orElse(contract.loanType()));
        }
        return labels;
    }

    /** A dictionary's current codes with their labels in the page's language, for a select. */
    private Map<String, String> options(String type) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> options = new LinkedHashMap<>();
        dictionaries.codes(type).forEach(code -> options.put(code, dictionaries.label(type, code, locale).orElse(code)));
        return options;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
