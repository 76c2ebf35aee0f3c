package cn.tongban.sharing;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: binds the catalog's providers that have a demo department (常州市公安局 for 公安部门, and so on) to
 * it, so that the demo departments' systems can deliver their items. Providers already bound are left alone.
 */
@Component
@Profile("demo")
@Order(1)
class CatalogDemoProviders implements ApplicationRunner {

    /** 责任单位 number in 附件1 → the demo department's name (cn.tongban.identity.DemoIdentities). */
    private static final Map<Integer, String> DEMO = Map.of(
            1, "常州市发展和改革委员会",
            5, "常州市公安局",
            6, "常州市民政局",
            11, "常州市不动产登记中心",
            13, "常州市住房和城乡建设局",
            26, "常州市市场监督管理局",
            30, "国家税务总局常州市税务局",
            34, "常州市住房公积金管理中心",
            35, "常州市大数据管理中心");

    private final JdbcClient jdbc;

    CatalogDemoProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        DEMO.forEach((no, name) -> jdbc.sql("""
                UPDATE catalog_provider p SET department_code = d.credit_code, changed_at = now(), changed_by = 'demo'
                  FROM department d WHERE d.name = ? AND p.no = ? AND p.department_code IS NULL""").params(name, no).update());
    }
}
