package cn.tongban.building;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.DepartmentType;

/**
 * Which part of the 楼盘表 a caller may see and change — every query of this module goes through it, so no
 * endpoint can forget it (互联网+不动产登记建设指南 五: 租户间的数据相互隔离):
 * <ul>
 * <li>a developer (房地产开发企业) sees its own projects only, wherever they are;</li>
 * <li>anyone else sees the districts their department serves, or the whole city when it serves all;</li>
 * <li>a caller without a department sees nothing.</li>
 * </ul>
 * Rows outside the scope are simply not found: the API answers 404, so their existence does not leak.
 */
@Component
class BuildingScope {

    /** A condition on a project row, with its parameters. */
    record Clause(String sql, List<Object> args) {
    }

    private final CurrentCaller callers;

    BuildingScope(CurrentCaller callers) {
        this.callers = callers;
    }

    Caller caller() {
        return callers.get();
    }

    /** The condition for the current caller on the project aliased {@code p}. */
    Clause projects() {
        return projects(callers.get());
    }

    /** The condition for a given caller (e.g. captured before work moves to another thread). */
    static Clause projects(Caller caller) {
        if (caller.departmentType() == DepartmentType.DEVELOPER) {
            return new Clause("p.developer_credit_code = ?", List.of(caller.departmentCode()));
        }
        if (caller.allDistricts()) {
            return new Clause("TRUE", List.of());
        }
        return new Clause("p.district_code = ANY(?)", List.of((Object) caller.districts().toArray(String[]::new)));
    }

    /** Whether the current caller may create or change data of a project in this district for this developer. */
    boolean mayWrite(String districtCode, String developerCreditCode) {
        Caller caller = callers.get();
        if (caller.departmentType() == DepartmentType.DEVELOPER) {
            return caller.departmentCode().equals(developerCreditCode);
        }
        return caller.seesDistrict(districtCode);
    }
}
