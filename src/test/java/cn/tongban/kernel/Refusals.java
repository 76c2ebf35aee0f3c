package cn.tongban.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Assertions on refused values: the rule code, its arguments, and that both languages explain it. */
final class Refusals {

    /** As Spring Boot configures it for {@code spring.messages.basename}: UTF-8, no fallback to the system locale. */
    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    /** Modules found on the class path, as Spring Boot's mapper (parameter names included). */
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    static {
        MESSAGES.setBasenames("i18n/kernel");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private Refusals() {
    }

    /**
     * {@code refused} throws {@link InvalidValueException} with exactly this code and these arguments, and the
     * zh-CN and English messages of the code format them, leaving no placeholder unfilled.
     *
     * @return the exception, for further assertions
     */
    static InvalidValueException assertRefused(ThrowingCallable refused, String code, Object... args) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, refused);
        assertThat(e).as("refused with %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.args()).containsExactly(args);
        String zh = MESSAGES.getMessage("rule." + code, e.args(), Locale.SIMPLIFIED_CHINESE);
        String en = MESSAGES.getMessage("rule." + code, e.args(), Locale.ENGLISH);
        assertThat(zh).doesNotContain("{").isNotEqualTo(en);
        assertThat(en).doesNotContain("{");
        return e;
    }
}
