/**
 * Restrictions on people and property: seizures (查封), dishonest debtors (失信被执行人) and mortgages, pushed by
 * courts and banks and consulted at filing and registration (建房〔2020〕61号 六). Public API: {@link
 * cn.tongban.restriction.RestrictionRegistry}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Restrictions 限制")
package cn.tongban.restriction;
