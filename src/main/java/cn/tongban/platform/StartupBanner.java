package cn.tongban.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the platform where it is and how to get in. */
@Component
class StartupBanner {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + web.getWebServer().getPort();
        System.out.println("""

                ==============================================================
                 通办 Tongban is running: %s
                   API documentation : %s/swagger-ui.html
                   Health            : %s/actuator/health
                   Demo logins       : see "Demo logins" in README.md
                   Profiles          : %s
                ==============================================================
                """.formatted(base, base, base, String.join(",", env.getActiveProfiles())));
    }
}
