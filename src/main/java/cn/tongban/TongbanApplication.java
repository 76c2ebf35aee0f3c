package cn.tongban;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * 通办: the housing platform behind 一网通办 — 楼盘表, 网签备案, sharing, tax and 不动产登记 in one deployable.
 */
@Modulithic(systemName = "Tongban 通办", sharedModules = "kernel")
@SpringBootApplication
public class TongbanApplication {

    /** All dates of the platform are in China Standard Time, whatever the host says. */
    public static final String ZONE = "Asia/Shanghai";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        SpringApplication.run(TongbanApplication.class, args);
    }
}
