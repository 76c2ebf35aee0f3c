package cn.tongban.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.kernel.InvalidValueException;

/**
 * The code tables of 建办房〔2020〕14号. Items created here are in {@code business_category} with codes starting
 * {@code T}, one code per test, so that tests neither depend on each other nor on their order.
 */
@IntegrationTest
class DictionariesTest {

    private static final String TABLE = "/api/v1/dictionaries/" + DictionaryTypes.BUSINESS_CATEGORY;

    @Autowired
    MockMvc http;

    @Autowired
    Dictionaries dictionaries;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void allFifteenTablesAreListedWithSourceAndStandardSize() throws Exception {
        http.perform(get("/api/v1/dictionaries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("house_use", "house_nature", "house_type",
                        "building_structure", "room_layout", "layout_structure", "orientation", "house_state",
                        "co_ownership", "payment_type", "loan_type", "party_category", "party_id_type", "party_nature",
                        "business_category")))
                .andExpect(jsonPath("$[?(@.source == null || @.source == '')]", empty()))
                .andExpect(jsonPath("$[?(@.code == 'house_use')].name").value("房屋用途"))
                .andExpect(jsonPath("$[?(@.code == 'house_use')].standardSize").value(32))
                .andExpect(jsonPath("$[?(@.code == 'business_category')].standardSize").value(101))
                .andExpect(jsonPath("$[?(@.code == 'party_category')].itemCount").value(24))
                .andExpect(jsonPath("$[?(@.code == 'house_state')].itemCount").value(2));
    }

    @Test
    void fixedCodesExistWithTheirLabels() {
        assertLabel(DictionaryTypes.PARTY_ID_TYPE, "01", "居民身份证");
        assertLabel(DictionaryTypes.PARTY_ID_TYPE, "06", "军官证（士兵证）");
        assertLabel(DictionaryTypes.PARTY_ID_TYPE, "08", "营业执照");
        assertLabel(DictionaryTypes.CO_OWNERSHIP, "01", "单独所有");
        assertLabel(DictionaryTypes.CO_OWNERSHIP, "02", "共同共有");
        assertLabel(DictionaryTypes.CO_OWNERSHIP, "03", "按份共有");
        assertLabel(DictionaryTypes.LOAN_TYPE, "01", "商业贷款");
        assertLabel(DictionaryTypes.LOAN_TYPE, "04", "不确定");
        assertLabel(DictionaryTypes.HOUSE_STATE, "01", "期房");
        assertLabel(DictionaryTypes.HOUSE_STATE, "02", "现房");
        assertLabel(DictionaryTypes.HOUSE_USE, "11", "成套住宅");
        assertLabel(DictionaryTypes.HOUSE_USE, "31", "商业服务");
        assertLabel(DictionaryTypes.HOUSE_USE, "61", "办公");
        assertLabel(DictionaryTypes.HOUSE_NATURE, "0", "市场化商品房");
        assertLabel(DictionaryTypes.BUILDING_STRUCTURE, "3", "钢筋混凝土结构");
        assertLabel(DictionaryTypes.HOUSE_TYPE, "06", "车库车位");
        assertLabel(DictionaryTypes.ROOM_LAYOUT, "06", "五居室以上");
        assertLabel(DictionaryTypes.LAYOUT_STRUCTURE, "02", "跃层");
        assertLabel(DictionaryTypes.ORIENTATION, "02", "南");
        assertLabel(DictionaryTypes.PAYMENT_TYPE, "01", "一次性付款");
        assertThat(dictionaries.codes(DictionaryTypes.PARTY_ID_TYPE))
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "99");
        assertThat(dictionaries.codes(DictionaryTypes.ORIENTATION))
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08");
    }

    @Test
    void subUsesOfHouseUseHangBelowTheirCategory() throws Exception {
        http.perform(get("/api/v1/dictionaries/house_use"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == '11')].parentCode").value("10"))
                .andExpect(jsonPath("$.items[?(@.code == '61')].parentCode").value("60"))
                .andExpect(jsonPath("$.items[?(@.code == '10')].parentCode", empty()));
    }

    @Test
    void labelsAreEnglishOnRequest() throws Exception {
        http.perform(get("/api/v1/dictionaries/house_state").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("House state"))
                .andExpect(jsonPath("$.items[0].code").value("01"))
                .andExpect(jsonPath("$.items[0].label").value("Off-plan"))
                .andExpect(jsonPath("$.items[0].labelZh").value("期房"));
        http.perform(get("/api/v1/dictionaries/house_state"))
                .andExpect(jsonPath("$.items[0].label").value("期房"));
        assertThat(dictionaries.label(DictionaryTypes.HOUSE_STATE, "02", Locale.ENGLISH)).hasValue("Completed");
    }

    @Test
    void unknownTableIsNotFoundProblem() throws Exception {
        http.perform(get("/api/v1/dictionaries/no_such_table"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("未找到数据字典：no_such_table"));
        http.perform(post("/api/v1/dictionaries/no_such_table/items").contentType(MediaType.APPLICATION_JSON)
                        .content(newItem("T0", null, null)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownTableIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> dictionaries.require("no_such_table", "01"));
        assertThatIllegalArgumentException().isThrownBy(() -> dictionaries.codes("no_such_table"));
    }

    @Test
    void unknownCodeIsRejectedNotMappedToDefault() {
        assertThatThrownBy(() -> dictionaries.require(DictionaryTypes.HOUSE_USE, "19"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("dictionary.unknown-code");
                    assertThat(e.args()).containsExactly("19", "房屋用途");
                });
        assertThatThrownBy(() -> dictionaries.require(DictionaryTypes.HOUSE_USE, null)).isInstanceOf(InvalidValueException.class);
        assertThat(dictionaries.isKnown(DictionaryTypes.HOUSE_USE, "11 ")).isFalse();
        assertThat(dictionaries.label(DictionaryTypes.HOUSE_USE, "19", Locale.CHINA)).isEmpty();
        assertThatNoException().isThrownBy(() -> dictionaries.require(DictionaryTypes.HOUSE_USE, "11"));
    }

    @Test
    void expiredItemIsRejectedButShownWithIncludeExpired() throws Exception {
        create(newItem("T-EXP", "2000-01-01", "2001-12-31")).andExpect(status().isCreated());

        assertThatThrownBy(() -> dictionaries.require(DictionaryTypes.BUSINESS_CATEGORY, "T-EXP"))
                .isInstanceOf(InvalidValueException.class);
        assertThat(dictionaries.codes(DictionaryTypes.BUSINESS_CATEGORY)).doesNotContain("T-EXP");
        http.perform(get(TABLE)).andExpect(jsonPath("$.items[?(@.code == 'T-EXP')]", empty()));
        http.perform(get(TABLE).param("includeExpired", "true"))
                .andExpect(jsonPath("$.items[?(@.code == 'T-EXP')].validTo").value("2001-12-31"));
    }

    @Test
    void createdItemIsReadBackAndAcceptedAtOnce() throws Exception {
        create(newItem("T-NEW", null, null))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/dictionaries/business_category/items/T-NEW"))
                .andExpect(jsonPath("$.label").value("测试业务T-NEW"))
                .andExpect(jsonPath("$.version").value(0));

        http.perform(get(TABLE).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[?(@.code == 'T-NEW')].label").value("Test business T-NEW"))
                .andExpect(jsonPath("$.items[?(@.code == 'T-NEW')].parentCode").value("001"));
        assertThatNoException().isThrownBy(() -> dictionaries.require(DictionaryTypes.BUSINESS_CATEGORY, "T-NEW"));
        // an administrator's change of a code table is in the audit log, with who made it
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "SELECT actor_id FROM audit_event WHERE action = 'create' AND resource_id = 'business_category/T-NEW'")
                .query(String.class).list()).containsExactly("test-admin");
    }

    @Test
    void duplicateCodeIsConflict() throws Exception {
        create(newItem("T-DUP", null, null)).andExpect(status().isCreated());
        create(newItem("T-DUP", null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("dictionary.duplicate-code"));
        create(newItem("001", null, null)).andExpect(status().isConflict());
    }

    @Test
    void staleVersionIsConflictAndChangesNothing() throws Exception {
        create(newItem("T-VER", null, null)).andExpect(status().isCreated());
        change("T-VER", "第一次修改", null, 0).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        change("T-VER", "过期的修改", null, 0)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("version.stale"));
        http.perform(get(TABLE))
                .andExpect(jsonPath("$.items[?(@.code == 'T-VER')].labelZh").value("第一次修改"))
                .andExpect(jsonPath("$.items[?(@.code == 'T-VER')].version").value(1));
        assertThat(dictionaries.label(DictionaryTypes.BUSINESS_CATEGORY, "T-VER", Locale.CHINA)).hasValue("第一次修改");
    }

    @Test
    void retiredItemIsNoLongerAcceptedButKeepsItsLabel() throws Exception {
        create(newItem("T-RET", null, null)).andExpect(status().isCreated());
        assertThat(dictionaries.isKnown(DictionaryTypes.BUSINESS_CATEGORY, "T-RET")).isTrue();

        change("T-RET", "测试业务T-RET", LocalDate.now(DictionaryCache.ZONE).minusDays(1), 0).andExpect(status().isOk());

        assertThat(dictionaries.isKnown(DictionaryTypes.BUSINESS_CATEGORY, "T-RET")).isFalse();
        assertThatThrownBy(() -> dictionaries.require(DictionaryTypes.BUSINESS_CATEGORY, "T-RET"))
                .isInstanceOf(InvalidValueException.class);
        assertThat(dictionaries.label(DictionaryTypes.BUSINESS_CATEGORY, "T-RET", Locale.CHINA)).hasValue("测试业务T-RET");
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        create("""
                {"code": "T-UNK", "labelZh": "测试", "labelEn": "Test", "sortOrder": 900, "colour": "red"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"))
                .andExpect(jsonPath("$.errors[0].code").value("json.unknown-field"));
        assertThat(dictionaries.isKnown(DictionaryTypes.BUSINESS_CATEGORY, "T-UNK")).isFalse();
    }

    @Test
    void malformedCodeIsRefusedByField() throws Exception {
        create("""
                {"code": "T 01 with blanks", "labelZh": "测试", "labelEn": "Test", "sortOrder": 900}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void parentMustBeAnItemOfTheSameTableAndNotBelowTheItem() throws Exception {
        create("""
                {"code": "T-PAR", "labelZh": "测试", "labelEn": "Test", "parentCode": "10", "sortOrder": 900}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"))
                .andExpect(jsonPath("$.errors[0].code").value("dictionary.unknown-parent"));

        create(newItem("T-TOP", null, null)).andExpect(status().isCreated());
        create("""
                {"code": "T-SUB", "labelZh": "测试", "labelEn": "Test", "parentCode": "T-TOP", "sortOrder": 900}""")
                .andExpect(status().isCreated());
        http.perform(put(TABLE + "/items/T-TOP").contentType(MediaType.APPLICATION_JSON).content("""
                        {"labelZh": "测试", "labelEn": "Test", "parentCode": "T-SUB", "sortOrder": 900, "version": 0}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("dictionary.parent-cycle"));
    }

    @Test
    void validityMustNotEndBeforeItStarts() throws Exception {
        create(newItem("T-ORD", "2030-01-02", "2030-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validTo"))
                .andExpect(jsonPath("$.errors[0].code").value("dictionary.validity-order"));
    }

    @Test
    void changingAMissingItemIsNotFound() throws Exception {
        change("T-NONE", "测试", null, 0).andExpect(status().isNotFound());
    }

    @Test
    void itemsAreNeverDeleted() throws Exception {
        http.perform(delete(TABLE + "/items/001"))
                .andExpect(status().isMethodNotAllowed());
        assertThat(dictionaries.isKnown(DictionaryTypes.BUSINESS_CATEGORY, "001")).isTrue();
    }

    private void assertLabel(String type, String code, String label) {
        assertThat(dictionaries.isKnown(type, code)).as(type + " " + code).isTrue();
        assertThat(dictionaries.label(type, code, Locale.SIMPLIFIED_CHINESE)).as(type + " " + code).hasValue(label);
    }

    private static String newItem(String code, String validFrom, String validTo) {
        return """
                {"code": "%s", "labelZh": "测试业务%s", "labelEn": "Test business %s", "parentCode": "001",
                 "sortOrder": 900, "validFrom": %s, "validTo": %s}"""
                .formatted(code, code, code, json(validFrom), json(validTo));
    }

    private static String json(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private ResultActions create(String body) throws Exception {
        return http.perform(post(TABLE + "/items").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions change(String code, String labelZh, LocalDate validTo, long version) throws Exception {
        return http.perform(put(TABLE + "/items/" + code).contentType(MediaType.APPLICATION_JSON).content("""
                {"labelZh": "%s", "labelEn": "Test business %s", "parentCode": "001", "sortOrder": 900,
                 "validTo": %s, "version": %d}""".formatted(labelZh, code, json(validTo), version)));
    }
}
