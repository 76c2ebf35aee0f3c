package cn.tongban.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Marks personal data in a response: masked when serialized unless the caller may see it in full
 * ({@link PersonalDataVisibility}). The one place the masking rule lives (issue #3 item 5; 互联网+不动产登记建设指南 五:
 * 在界面展示时予以去标识化处理).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = PersonalDataSerializer.class)
public @interface PersonalData {

    Kind value();

    /** What the value is, which decides how it is masked. */
    enum Kind {
        /** 张三 → 张*. */
        NAME,
        /** 320402199001011234 → 320402********1234. */
        ID_NUMBER,
        /** 13812345678 → 138****5678. */
        PHONE
    }
}
