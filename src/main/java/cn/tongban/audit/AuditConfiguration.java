package cn.tongban.audit;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily partition maintenance needs scheduling; the auditors' endpoints use {@code @PreAuthorize}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    /** No citizen is known by ID number until identity provides a {@link CitizenSubjects}. */
    @Bean
    @Fallback
    CitizenSubjects noCitizenSubjects() {
        return caller -> Optional.empty();
    }
}
