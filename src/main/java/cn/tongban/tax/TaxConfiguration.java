package cn.tongban.tax;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the parameter table at start: a table that breaks its own rules stops the platform instead of a calculation. */
@Configuration(proxyBeanMethods = false)
class TaxConfiguration {

    @Bean
    TaxParameters taxParameters() {
        return TaxParameters.load();
    }

    @Bean
    TaxCalculator taxCalculator(TaxParameters parameters) {
        return new TaxCalculator(parameters);
    }
}
