package cn.tongban.web;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.identity.ActorKind;

/**
 * The pages of the foundation: the landing page for a newcomer, the sign-in page (its form posts to the form login
 * of {@code POST /login}), the staff console's dashboard and the citizen portal's home.
 */
@Controller
class HomePages {

    /** The demo city's staff logins (README, Demo logins), each with its role's label key {@code web.demo.<user>}. */
    static final List<String> DEMO_USERS = List.of("housing-admin", "housing-clerk", "tianning-clerk", "xinbei-clerk",
            "tax-officer", "registrar", "fund-officer", "police-officer", "court-officer", "civil-affairs-officer",
            "price-assessor", "auditor", "market-officer", "bank-officer", "developer-clerk", "broker");
    /** What the platform does, one card each on the landing page ({@code web.landing.what.<topic>} and {@code .text}). */
    static final List<String> TOPICS = List.of("building", "filing", "tax", "registration", "sharing", "api");
    /** 王建国, the demo city's citizen (README, Demo logins). */
    static final String DEMO_CITIZEN = "320402198503142314";

    private final ConsoleMenu menu;
    private final Environment environment;

    HomePages(ConsoleMenu menu, Environment environment) {
        this.menu = menu;
        this.environment = environment;
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
        model.addAttribute("topics", TOPICS);
        model.addAttribute("demoUsers", DEMO_USERS);
        model.addAttribute("demoCitizen", DEMO_CITIZEN);
        model.addAttribute("signedIn", menu.caller().kind() != ActorKind.ANONYMOUS);
        return "web/landing";
    }

    /**
     * The sign-in form. {@code error} is the code of a failed attempt ({@code login.failed}, {@code login.locked},
     * {@code login.disabled}); {@code next} the page to go to afterwards (a path of the application only).
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String next, Model model) {
        model.addAttribute("error", error == null ? null : switch (error) {
            case "login.locked", "login.disabled" -> error;
            default -> "login.failed";
        });
        // LoginHandlers follows it only if it is a path of the platform
        model.addAttribute("next", next);
        model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
        return "web/login";
    }

    @PreAuthorize("isAuthenticated() and !hasRole('citizen')")
    @GetMapping("/console")
    String console(Model model) {
        model.addAttribute("sections", menu.current());
        return "web/console";
    }

    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal")
    String portal(Model model) {
        model.addAttribute("sections", menu.current());
        return "web/portal";
    }
}
