package cn.tongban.identity;

import cn.tongban.kernel.CitizenIdNumber;

/**
 * The demo citizen (demo mode only, password {@code demo}): signs in with this ID number and sees who accessed the
 * records of the demo home registered to them.
 */
public final class DemoCitizen {

    public static final String ID_NUMBER = CitizenIdNumber.withCheckCharacter("32040219850314231").value();
    public static final String NAME = "王建国";

    private DemoCitizen() {
    }
}
