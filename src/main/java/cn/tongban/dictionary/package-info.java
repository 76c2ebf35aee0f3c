/**
 * Code tables (数据字典) of the national filing data standard (建办房〔2020〕14号): 房屋用途, 房屋性质, 共有方式, 贷款方式
 * and the others, stored as data with their source, editable by administrators, and the check that a code is
 * known. Owns the tables {@code dictionary_type} and {@code dictionary_item}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dictionaries 数据字典")
package cn.tongban.dictionary;
