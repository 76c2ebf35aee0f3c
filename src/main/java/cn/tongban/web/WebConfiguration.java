package cn.tongban.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of pages and answers: zh-CN first, English switchable. {@code ?lang=en} or {@code ?lang=zh-CN} on any
 * page sets the cookie {@value #LANGUAGE_COOKIE}; without the cookie the Accept-Language header decides, and zh_CN
 * when there is none — exactly as before for API clients, whose problem+json messages keep their negotiation.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "tongban-lang";
    static final String LANGUAGE_PARAMETER = "lang";

    /** Replaces Spring Boot's Accept-Language resolver (same bean name), which stays the fallback. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver(@Value("${spring.web.locale:zh_CN}") Locale defaultLocale) {
        AcceptHeaderLocaleResolver acceptHeader = new AcceptHeaderLocaleResolver();
        acceptHeader.setDefaultLocale(defaultLocale);
        CookieLocaleResolver cookie = new CookieLocaleResolver(LANGUAGE_COOKIE);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieHttpOnly(true);
        cookie.setCookieSameSite("Lax");
        cookie.setDefaultLocaleFunction(acceptHeader::resolveLocale);
        return cookie;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(LANGUAGE_PARAMETER);
        change.setIgnoreInvalidLocale(true);
        // pages only: the API negotiates by Accept-Language and never sets a cookie
        registry.addInterceptor(change).addPathPatterns("/**").excludePathPatterns("/api/**", "/oauth2/**", "/actuator/**");
    }
}
