package cn.tongban.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily partition maintenance needs scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {
}
