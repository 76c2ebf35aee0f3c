package cn.tongban.registration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.PersonalDataVisibility;
import cn.tongban.kernel.RuleViolationException;

/**
 * The pages of registration (issue #8): the registrars' console — work queues per step, an application with its
 * parties, materials, machine checks, progress and notices, the register book of a unit — and the citizens' portal —
 * their applications, applying from a filed sale (免填单), materials, appointments, the fee, the e-certificate — and the
 * public verification page a certificate's QR code opens (互联网+不动产登记建设指南 二（一）4–6, 三（一）1).
 * Reads render here through the module's services, with their district scope and masking; every change goes to
 * the JSON API from the page.
 */
@Controller
class RegistrationPages {

    private static final String HANDLE = "hasAuthority('" + Permissions.REGISTRATION_HANDLE + "')";
    static final List<String> STEPS = List.of(Workflow.ACCEPT, Workflow.REVIEW, Workflow.REGISTER, Workflow.CERTIFY);
    /** The machine checks a refusal may name ({@code checks.<code>}), each shown in place in the refused form. */
    static final List<String> CHECKS = List.of("contract", "materials", "seizure", "objection", "owners", "mortgageRank",
            "firstRegistration", "releaseTarget", "taxPaid", "feePaid");

    private final Registrations registrations;
    private final Materials materials;
    private final Notices notices;
    private final Appointments appointments;
    private final Halls halls;
    private final PropertyQueries properties;
    private final IssuedDocuments documents;
    private final PersonalDataVisibility visibility;
    private final MessageSource messages;

    RegistrationPages(Registrations registrations, Materials materials, Notices notices, Appointments appointments, Halls halls,
            PropertyQueries properties, IssuedDocuments documents, PersonalDataVisibility visibility, MessageSource messages) {
        this.messages = messages;
        this.registrations = registrations;
        this.materials = materials;
        this.notices = notices;
        this.appointments = appointments;
        this.halls = halls;
        this.properties = properties;
        this.documents = documents;
        this.visibility = visibility;
    }

    // ------------------------------------------------------------------------------------------------ console

    /** 待办: the queue of one step for the caller's districts. */
    @PreAuthorize(HANDLE)
    @GetMapping("/console/registration")
    String queue(@RequestParam(defaultValue = Workflow.ACCEPT) String step, Model model) {
        String current = STEPS.contains(step) ? step : Workflow.ACCEPT;
        model.addAttribute("steps", STEPS);
        model.addAttribute("step", current);
        model.addAttribute("queue", registrations.queue(current, 0, 100));
        return "registration/console-queue";
    }

    /** One application as the registrar handles it; outside the caller's districts it does not exist (404). */
    @PreAuthorize(HANDLE)
    @GetMapping("/console/registration/applications/{applicationNo}")
    String application(@PathVariable String applicationNo, Model model) {
        Registrations.ApplicationView view = registrations.view(applicationNo);
        model.addAttribute("app", view);
        model.addAttribute("parties", masked(view.parties()));
        model.addAttribute("checklist", materials.checklist(applicationNo));
        model.addAttribute("notices", notices.of(applicationNo));
        model.addAttribute("checkCodes", CHECKS);
        // 一次性告知: the missing items pre-listed, and two more the registrar may add
        model.addAttribute("supplementSlots", view.missingMaterials().size() + 2);
        return "registration/console-application";
    }

    /** 登记簿 of a unit: the entries in order and whether the chain verifies. */
    @PreAuthorize(HANDLE)
    @GetMapping("/console/registration/units/{unitCode}")
    String book(@PathVariable String unitCode, Model model) {
        model.addAttribute("book", properties.book(unitCode));
        return "registration/console-book";
    }

    // ------------------------------------------------------------------------------------------------ portal

    /** 我的申请 with their progress. */
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/registration")
    String mine(Model model) {
        model.addAttribute("applications", registrations.mine(50));
        return "registration/portal-list";
    }

    /** 申请转移登记: the filing code typed, then what the application will carry (免填单) before it is sent. */
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/registration/apply")
    String apply(@RequestParam(required = false) String filingCode, Model model) {
        model.addAttribute("filingCode", filingCode == null ? "" : filingCode.strip());
        if (filingCode != null && !filingCode.isBlank()) {
            try {
                Registrations.TransferPreview preview = registrations.transferPreview(filingCode);
                model.addAttribute("preview", preview);
                model.addAttribute("parties", masked(preview.parties()));
            } catch (RuleViolationException e) {
                cn.tongban.kernel.Violation v = e.violations().get(0);
                model.addAttribute("previewError", messages.getMessage("rule." + v.code(), v.args(), v.code(),
                        LocaleContextHolder.getLocale()));
            }
        }
        return "registration/portal-apply";
    }

    /** One of my applications: progress, materials to upload, appointment, fee, certificate. */
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/registration/applications/{applicationNo}")
    String myApplication(@PathVariable String applicationNo, Model model) {
        Registrations.ApplicationView view = registrations.view(applicationNo);
        model.addAttribute("app", view);
        model.addAttribute("parties", masked(view.parties()));
        model.addAttribute("checklist", materials.checklist(applicationNo));
        model.addAttribute("notices", notices.of(applicationNo));
        model.addAttribute("appointment", booked(applicationNo).orElse(null));
        model.addAttribute("halls", halls.list(null));
        model.addAttribute("dates", bookableDays());
        return "registration/portal-application";
    }

    /** The free slots of a hall on a day: the htmx fragment of the booking form. */
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/registration/slots")
    String slots(@RequestParam int hallId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        try {
            model.addAttribute("day", halls.day(hallId, date));
        } catch (RuleViolationException | NotFoundException e) {
            model.addAttribute("day", null);
        }
        return "registration/parts :: slots";
    }

    // ------------------------------------------------------------------------------------------------ public

    /** 证书核验 without login: by the code typed or carried in the certificate's QR code. */
    @GetMapping("/portal/public/verify")
    String verify(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("verified", documents.verify(code));
            } catch (NotFoundException e) {
                model.addAttribute("failure", "unknown");
            } catch (ConflictException e) {
                // a signature that does not match, or a book that no longer holds the entry: nothing is shown
                model.addAttribute("failure", "tampered");
            }
        }
        return "registration/public-verify";
    }

    // ------------------------------------------------------------------------------------------------ parts

    /** The parties as the API shows them: masked unless the caller may see personal data in full. */
    private List<Map<String, String>> masked(List<Registrations.PartyView> parties) {
        boolean full = visibility.showsFull();
        List<Map<String, String>> shown = new ArrayList<>();
        for (Registrations.PartyView p : parties) {
            Map<String, String> party = new LinkedHashMap<>();
            party.put("role", p.role());
            party.put("name", full ? p.name() : Masking.name(p.name()));
            party.put("idType", p.idType());
            party.put("idNumber", full ? p.idNumber() : Masking.identifier(p.idNumber()));
            party.put("share", p.share());
            shown.add(party);
        }
        return shown;
    }

    private Optional<Appointments.Appointment> booked(String applicationNo) {
        try {
            return Optional.of(appointments.booked(applicationNo));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The next working days within the booking window (Mon–Fri; the halls' own calendar decides the rest). */
    private static List<LocalDate> bookableDays() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = LocalDate.now(Halls.ZONE);
        while (days.size() < 10 && day.isBefore(LocalDate.now(Halls.ZONE).plusDays(Halls.BOOKING_DAYS))) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
