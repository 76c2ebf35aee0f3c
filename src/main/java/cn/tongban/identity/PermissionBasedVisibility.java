package cn.tongban.identity;

import org.springframework.stereotype.Component;

import cn.tongban.kernel.PersonalDataVisibility;

/** Personal data is shown in full only to callers holding {@link Permissions#PERSONAL_DATA_FULL}. */
@Component
class PermissionBasedVisibility implements PersonalDataVisibility {

    private final CurrentCaller callers;

    PermissionBasedVisibility(CurrentCaller callers) {
        this.callers = callers;
    }

    @Override
    public boolean showsFull() {
        return callers.get().has(Permissions.PERSONAL_DATA_FULL);
    }
}
