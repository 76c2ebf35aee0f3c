package cn.tongban.identity;

import java.util.Optional;

/**
 * 业务系统: the department systems that call Tongban with client credentials, as other modules may look them up —
 * for example to seed the sharing grants of the demo departments' systems.
 */
public interface SystemClients {

    /** The client as its token will describe it (department, districts, roles, permissions), if it exists. */
    Optional<Caller> find(String clientId);
}
