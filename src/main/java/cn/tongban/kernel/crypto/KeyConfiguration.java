package cn.tongban.kernel.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the personal-data keys at start; missing or malformed keys fail the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

    @Bean
    KeyRing personalDataKeys(KeyProperties properties) {
        KeyRing keys = KeyRing.load(properties);
        log.info("Personal-data keys: SM4 {}, active {}", keys.ids(), keys.activeId());
        return keys;
    }
}
